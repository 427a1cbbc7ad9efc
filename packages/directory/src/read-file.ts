import { Readable } from "node:stream";
import { type DirectoryImportLimits, defaultDirectoryImportLimits } from "@mentoring/domain";
import { CsvError, parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { type DirectoryField, type FileError, mapColumns } from "./columns";

/** How much of a file is read: its plan's rows and columns (the bytes were checked on upload). */
export type ReadLimits = Pick<DirectoryImportLimits, "maxRows" | "maxColumns">;

/**
 * The file turned out unusable part-way through its rows (more rows than allowed, a damaged workbook):
 * thrown by `records`, which reads no further. Its `fileError` is what to tell the person.
 */
export class FileProblem extends Error {
  constructor(readonly fileError: FileError) {
    super(`directory file refused: ${fileError.code}`);
    this.name = "FileProblem";
  }
}

/**
 * Characters of one CSV record at most (the parser stops there rather than buffer on): a directory row is
 * well under a kilobyte, and a header of the plan's most columns well under this.
 */
const MAX_RECORD_CHARS = 256 * 1024;
/** Characters kept of one cell: more than any field may hold, so a longer cell is still refused as too long. */
const MAX_CELL_CHARS = 1_000;

export type FileFormat = "csv" | "xlsx";
export type TextEncoding = "utf-8" | "cp949";

/** A cell as read: text from CSV; text, number, boolean or date from XLSX. */
export type CellValue = string | number | boolean | Date;

/** One data row, numbered as the user sees it in Excel (the header is row 1). Blank rows are skipped. */
export interface SourceRecord {
  rowNumber: number;
  cells: Partial<Record<DirectoryField, CellValue>>;
}

export interface DirectoryFile {
  format: FileFormat | null;
  /** CSV only: how the text was decoded. */
  encoding: TextEncoding | null;
  /** Problems with the file as a whole. When there are any, `records` yields nothing. */
  errors: FileError[];
  /** The fields the header names. */
  columns: ReadonlySet<DirectoryField>;
  /** Streamed: each row is read when asked for, so memory stays flat however long the file is. */
  records: AsyncIterable<SourceRecord>;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead(): number;
}

export type FileInput = Uint8Array | AsyncIterable<Uint8Array>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The old binary .xls (OLE compound file). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const HEAD_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** XLSX by its zip signature (whatever its name), CSV by its name; anything else is not a directory file. */
export function detectFormat(head: Uint8Array, fileName: string): FileFormat | null {
  if (startsWith(head, ZIP_MAGIC)) return "xlsx";
  if (startsWith(head, OLE_MAGIC)) return null;
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "xlsx") return null; // named xlsx but not a zip: not a workbook
  return extension === "csv" || extension === "txt" ? "csv" : null;
}

/**
 * UTF-8 when the head of the file decodes strictly as UTF-8 (a byte-order mark settles it at once);
 * otherwise CP949, the superset of EUC-KR that Korean Excel writes when it saves "CSV (쉼표로 분리)".
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (startsWith(head, UTF8_BOM)) return "utf-8";
  try {
    // stream: true leaves a character cut at the end of the head pending instead of failing on it.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "cp949";
  }
}

async function* chunksOf(input: FileInput): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let offset = 0; offset < input.length; offset += HEAD_BYTES)
      yield input.subarray(offset, offset + HEAD_BYTES);
    return;
  }
  yield* input;
}

/** Reads up to `size` bytes from the start, and gives back a source that still yields them first. */
async function peek(source: AsyncIterator<Uint8Array>, size: number) {
  const buffered: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(buffered).subarray(0, size);
  async function* all() {
    yield* buffered;
    if (done) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  return { head, all: all() };
}

/**
 * Bytes decoded at a time (a file stream reads 64 KiB). The text lives while the parser works through its
 * rows; a smaller piece is gone before the young generation is collected twice, rather than promoted to
 * the old one with the rows of its batch.
 */
const DECODED_BYTES = 16 * 1024;

async function* decode(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding === "utf-8" ? "utf8" : "cp949");
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    for (let offset = 0; offset < bytes.length; offset += DECODED_BYTES) {
      const text = decoder.write(bytes.subarray(offset, offset + DECODED_BYTES));
      if (text) yield text;
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Every row of the file as cells, numbered from 1 as in Excel. */
type RawRow = { rowNumber: number; values: CellValue[] };

async function* csvRows(text: AsyncIterable<string>, maxColumns: number): AsyncGenerator<RawRow> {
  // bom: strips the byte-order mark; relax_column_count: short or long rows are the validator's business.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(text);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let rowNumber = 0;
  try {
    // A cell with a line break is still one row in Excel, so rows are counted by record, not by line.
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, values: record };
    }
  } catch (error) {
    // Told in words of the file, never in the parser's. The records parsed before the failing one may
    // not all have been handed over (the stream drops them), so its row is the parser's count.
    if (!(error instanceof CsvError))
      throw new FileProblem({ code: "unreadable", params: { row: rowNumber + 1 } });
    const context = error as CsvError & { records?: number; index?: number };
    const row = (context.records ?? rowNumber) + 1;
    if (error.code === "CSV_MAX_RECORD_SIZE")
      throw new FileProblem(
        (context.index ?? 0) > maxColumns
          ? { code: "too_many_columns", params: { row, limit: maxColumns } }
          : { code: "row_too_long", params: { row } },
      );
    throw new FileProblem({ code: "unreadable", params: { row } });
  } finally {
    source.destroy();
  }
}

/** An exceljs cell value reduced to text, number, boolean or date (formulas give their cached result). */
function xlsxCell(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText))
      return (object.richText as { text: string }[]).map((part) => part.text).join("");
    if ("result" in object) return xlsxCell(object.result);
    if (typeof object.text === "string") return object.text;
  }
  return undefined;
}

async function* xlsxRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<RawRow> {
  const source = Readable.from(chunks);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles tell a date cell from a number: kept so hire dates arrive as dates.
    styles: "cache",
    worksheets: "emit",
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1).map((value) => xlsxCell(value) ?? "");
        yield { rowNumber: row.number, values };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    // A zip cut short, damaged, or not a workbook: the unzipper's and the XML parser's messages
    // ("FILE_ENDED", "invalid distance too far back") mean nothing to the person who sent it.
    throw new FileProblem({ code: "damaged_workbook" });
  } finally {
    source.destroy();
  }
}

const isBlank = (value: CellValue | undefined) =>
  value === undefined || (typeof value === "string" && value.trim() === "");

/** Cells up to the last one filled in: trailing blank (formatted but empty) cells do not count. */
function filledWidth(values: readonly CellValue[]): number {
  let width = values.length;
  while (width > 0 && isBlank(values[width - 1])) width -= 1;
  return width;
}

const cellOf = (value: CellValue): CellValue => {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed.length > MAX_CELL_CHARS ? trimmed.slice(0, MAX_CELL_CHARS) : trimmed;
};

/**
 * Opens a directory file (CSV in UTF-8 or CP949, or XLSX: its first worksheet), maps its header row to
 * fields, and streams its rows. The header is the first non-blank row. Within `limits`: a header wider
 * than the most columns is refused before its headers are looked at; the records stop with a
 * FileProblem at the first row beyond the most rows or columns, and nothing after it is read.
 */
export async function readDirectoryFile(
  input: FileInput,
  fileName: string,
  limits: ReadLimits = defaultDirectoryImportLimits,
): Promise<DirectoryFile> {
  let consumed = 0;
  async function* counted() {
    for await (const chunk of chunksOf(input)) {
      consumed += chunk.length;
      yield chunk;
    }
  }
  const { head, all } = await peek(counted()[Symbol.asyncIterator](), HEAD_BYTES);
  const bytesRead = () => consumed;
  const failed = (format: FileFormat | null, encoding: TextEncoding | null, errors: FileError[]) => ({
    format,
    encoding,
    errors,
    columns: new Set<DirectoryField>(),
    records: (async function* () {})(),
    bytesRead,
  });

  const format = detectFormat(head, fileName);
  if (!format) return failed(null, null, [{ code: "unsupported_format" }]);
  const encoding = format === "csv" ? detectEncoding(head) : null;
  const rows =
    format === "csv" ? csvRows(decode(all, encoding as TextEncoding), limits.maxColumns) : xlsxRows(all);

  let header: RawRow | undefined;
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      if (next.value.values.some((value) => !isBlank(value))) {
        header = next.value;
        break;
      }
    }
  } catch (error) {
    if (error instanceof FileProblem) return failed(format, encoding, [error.fileError]);
    throw error;
  }
  if (!header) return failed(format, encoding, [{ code: "empty" }]);
  const tooWide = (row: RawRow): FileError | null =>
    filledWidth(row.values) > limits.maxColumns
      ? { code: "too_many_columns", params: { row: row.rowNumber, limit: limits.maxColumns } }
      : null;
  const wideHeader = tooWide(header);
  if (wideHeader) {
    await rows.return(undefined);
    return failed(format, encoding, [wideHeader]);
  }
  const mapped = mapColumns(header.values.map((value) => String(value)));
  if (!mapped.ok) {
    await rows.return(undefined);
    return failed(format, encoding, mapped.errors);
  }
  const columns = [...mapped.columns];

  async function* records(): AsyncGenerator<SourceRecord> {
    let count = 0;
    for await (const row of rows as AsyncIterable<RawRow>) {
      const wide = tooWide(row);
      if (wide) throw new FileProblem(wide);
      const cells: SourceRecord["cells"] = {};
      let blank = true;
      for (const [field, index] of columns) {
        const value = row.values[index];
        if (value === undefined || isBlank(value)) continue;
        cells[field] = cellOf(value);
        blank = false;
      }
      if (blank) continue;
      count += 1;
      // Leaving the loop closes the rows: the parser stops, and the rest of the file is never read.
      if (count > limits.maxRows)
        throw new FileProblem({
          code: "too_many_rows",
          params: { row: row.rowNumber, limit: limits.maxRows },
        });
      yield { rowNumber: row.rowNumber, cells };
    }
  }
  return {
    format,
    encoding,
    errors: [],
    columns: new Set(mapped.columns.keys()),
    records: records(),
    bytesRead,
  };
}
