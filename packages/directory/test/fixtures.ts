import ExcelJS from "exceljs";
import iconv from "iconv-lite";

/** Korean headers, as an HR team's export would have them. */
export const KOREAN_HEADERS = [
  "사번",
  "성명",
  "부서",
  "직급",
  "직위",
  "임용일",
  "이메일",
  "휴대전화",
  "출생연도",
];

export type FixtureRow = (string | number | Date | null)[];

const quote = (cell: string | number | Date | null) => {
  const text = cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function csvText(rows: FixtureRow[], headers = KOREAN_HEADERS): string {
  return `${[headers, ...rows].map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`;
}

/** As Korean Excel saves "CSV (쉼표로 분리)": CP949, no byte-order mark. */
export function cp949Csv(rows: FixtureRow[], headers = KOREAN_HEADERS): Uint8Array {
  return iconv.encode(csvText(rows, headers), "cp949");
}

/** As Excel saves "CSV UTF-8": with a byte-order mark. */
export function bomUtf8Csv(rows: FixtureRow[], headers = KOREAN_HEADERS): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows, headers), "utf8")]);
}

export async function xlsx(rows: FixtureRow[], headers = KOREAN_HEADERS): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("직원명부");
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(6).numFmt = "yyyy-mm-dd";
  workbook.addWorksheet("참고").addRow(["이 시트는 읽지 않습니다"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Yields the bytes in small pieces, so multi-byte characters are cut across chunks. */
export async function* inChunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
