import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { type DirectoryField, type FileError, mapColumns } from "./columns";

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

async function* decode(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding === "utf-8" ? "utf8" : "cp949");
  for await (const chunk of chunks) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Every row of the file as cells, numbered from 1 as in Excel. */
type RawRow = { rowNumber: number; values: CellValue[] };

async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<RawRow> {
  // bom: strips the byte-order mark; relax_column_count: short or long rows are the validator's business.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
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
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles tell a date cell from a number: kept so hire dates arrive as dates.
    styles: "cache",
    worksheets: "emit",
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1).map((value) => xlsxCell(value) ?? "");
      yield { rowNumber: row.number, values };
    }
    return; // the first worksheet only
  }
}

const isBlank = (value: CellValue | undefined) =>
  value === undefined || (typeof value === "string" && value.trim() === "");

/**
 * Opens a directory file (CSV in UTF-8 or CP949, or XLSX: its first worksheet), maps its header row to
 * fields, and streams its rows. The header is the first non-blank row.
 */
export async function readDirectoryFile(input: FileInput, fileName: string): Promise<DirectoryFile> {
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
  const rows = format === "csv" ? csvRows(decode(all, encoding as TextEncoding)) : xlsxRows(all);

  let header: RawRow | undefined;
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      if (next.value.values.some((value) => !isBlank(value))) {
        header = next.value;
        break;
      }
    }
  } catch (error) {
    return failed(format, encoding, [{ code: "unreadable", params: { detail: (error as Error).message } }]);
  }
  if (!header) return failed(format, encoding, [{ code: "empty" }]);
  const mapped = mapColumns(header.values.map((value) => String(value)));
  if (!mapped.ok) {
    await rows.return(undefined);
    return failed(format, encoding, mapped.errors);
  }
  const columns = [...mapped.columns];

  async function* records(): AsyncGenerator<SourceRecord> {
    for await (const row of rows as AsyncIterable<RawRow>) {
      const cells: SourceRecord["cells"] = {};
      let blank = true;
      for (const [field, index] of columns) {
        const value = row.values[index];
        if (isBlank(value)) continue;
        cells[field] = typeof value === "string" ? value.trim() : value;
        blank = false;
      }
      if (!blank) yield { rowNumber: row.rowNumber, cells };
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
