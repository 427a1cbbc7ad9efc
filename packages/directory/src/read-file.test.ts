import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bomUtf8Csv, collect, cp949Csv, csvText, inChunks, KOREAN_HEADERS, xlsx } from "../test/fixtures";
import {
  type DirectoryFile,
  detectEncoding,
  detectFormat,
  FileProblem,
  readDirectoryFile,
} from "./read-file";

const rows = [
  [
    "Y2020-0001",
    "김민준",
    "인사과",
    "8급",
    "주무관",
    "2020-03-02",
    "minjun.kim@yongin.example.kr",
    "010-0000-1234",
    1991,
  ],
  ["Y2019-0002", "이서연", "personnel", "지방행정주사보", "주무관", "2019.01.02", "", "", ""],
];

describe("detectFormat", () => {
  it("knows a workbook by its zip signature, whatever its name", () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "export.csv")).toBe("xlsx");
  });

  it("refuses the old binary .xls and other files", () => {
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), "export.xls")).toBeNull();
    expect(detectFormat(new Uint8Array([0x25, 0x50, 0x44, 0x46]), "export.pdf")).toBeNull();
    expect(detectFormat(new TextEncoder().encode("사번,성명"), "export.CSV")).toBe("csv");
  });
});

describe("detectEncoding", () => {
  it("tells CP949 from UTF-8, with or without a byte-order mark", () => {
    expect(detectEncoding(cp949Csv(rows))).toBe("cp949");
    expect(detectEncoding(bomUtf8Csv(rows))).toBe("utf-8");
    expect(detectEncoding(new TextEncoder().encode(csvText(rows)))).toBe("utf-8");
  });

  it("does not mistake UTF-8 cut in the middle of a character for CP949", () => {
    const bytes = new TextEncoder().encode("사번,성명");
    expect(detectEncoding(bytes.subarray(0, 4))).toBe("utf-8");
  });
});

describe("readDirectoryFile", () => {
  it("reads a CP949 CSV as Korean Excel saves it, streamed in small chunks", async () => {
    const file = await readDirectoryFile(inChunks(cp949Csv(rows)), "직원명부.csv");
    expect(file).toMatchObject({ format: "csv", encoding: "cp949", errors: [] });
    const records = await collect(file.records);
    expect(records.map((record) => [record.rowNumber, record.cells.name, record.cells.grade])).toEqual([
      [2, "김민준", "8급"],
      [3, "이서연", "지방행정주사보"],
    ]);
    expect(file.bytesRead()).toBe(cp949Csv(rows).length);
  });

  it("decodes a CP949 file read in large chunks a piece at a time, characters cut between pieces intact", async () => {
    const people = Array.from({ length: 3_000 }, (_, i) => [
      `E${i}`,
      `${"김이박최정"[i % 5]}${"민준서연도윤"[i % 6]}${"가나다라"[i % 4]}`,
      "인사과",
      "8급",
      "주무관",
      "2020-03-02",
      "",
      "",
      "",
    ]);
    const bytes = cp949Csv(people);
    expect(bytes.length).toBeGreaterThan(100_000);
    const file = await readDirectoryFile(inChunks(bytes, 65_536), "직원명부.csv");
    const records = await collect(file.records);
    expect(records.map((record) => record.cells.name)).toEqual(people.map((person) => person[1]));
  });

  it("reads a UTF-8 CSV with a byte-order mark, leaving blank cells out", async () => {
    const file = await readDirectoryFile(bomUtf8Csv(rows), "directory.csv");
    expect(file.encoding).toBe("utf-8");
    const [, second] = await collect(file.records);
    expect(second?.cells).toEqual({
      employeeNumber: "Y2019-0002",
      name: "이서연",
      department: "personnel",
      grade: "지방행정주사보",
      positionTitle: "주무관",
      hireDate: "2019.01.02",
    });
  });

  it("numbers rows as Excel does: blank rows count, a cell with a line break does not add one", async () => {
    const text = `${csvText([rows[0] as never])}\r\n,,,,,,,,\r\nY3,"박\n지훈",인사과,9급,주무관,2024-01-02,,,\r\n`;
    const file = await readDirectoryFile(new TextEncoder().encode(text), "a.csv");
    const records = await collect(file.records);
    expect(records.map((record) => record.rowNumber)).toEqual([2, 5]);
  });

  it("reads the first worksheet of a workbook, with date cells as dates and numbers as numbers", async () => {
    const bytes = await xlsx([
      [20200001, "김민준", "인사과", 8, "주무관", new Date(Date.UTC(2020, 2, 2)), null, null, 1991],
      [],
      ["Y2", "이서연", "인사과", "7급", "주무관", "2019-01-02", null, null, null],
    ]);
    const file = await readDirectoryFile(inChunks(bytes, 4096), "directory.xlsx");
    expect(file).toMatchObject({ format: "xlsx", encoding: null, errors: [] });
    const records = await collect(file.records);
    expect(records.map((record) => record.rowNumber)).toEqual([2, 4]);
    expect(records[0]?.cells).toMatchObject({ employeeNumber: 20200001, grade: 8, birthYear: 1991 });
    expect(records[0]?.cells.hireDate).toEqual(new Date(Date.UTC(2020, 2, 2)));
  });

  it("reads a header in English", async () => {
    const file = await readDirectoryFile(
      new TextEncoder().encode(
        "Employee number,Name,Department,Grade,Position,Hire date\nE1,Kim,personnel,8,주무관,2020-01-01\n",
      ),
      "a.csv",
    );
    expect(file.errors).toEqual([]);
    expect((await collect(file.records))[0]?.cells.name).toBe("Kim");
  });

  it("reports a header without the required columns as a file error and yields no rows", async () => {
    const file = await readDirectoryFile(cp949Csv(rows, ["사번", "성명"]), "a.csv");
    expect(file.errors).toEqual([
      { code: "missing_columns", params: { fields: ["department", "grade", "positionTitle", "hireDate"] } },
    ]);
    expect(await collect(file.records)).toEqual([]);
  });

  it("reports an empty file, a workbook that is not one, and an unsupported format", async () => {
    expect((await readDirectoryFile(new Uint8Array(), "a.csv")).errors).toEqual([{ code: "empty" }]);
    expect((await readDirectoryFile(new TextEncoder().encode("x"), "a.xlsx")).errors).toEqual([
      { code: "unsupported_format" },
    ]);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await readDirectoryFile(broken, "a.xlsx")).errors).toEqual([{ code: "damaged_workbook" }]);
  });

  it("reads only the first worksheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("첫째").addRow(["사번", "성명", "부서", "직급", "직위", "임용일"]);
    workbook.addWorksheet("둘째").addRow(["비고"]);
    const file = await readDirectoryFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "a.xlsx");
    expect(file.errors).toEqual([]);
    expect(await collect(file.records)).toEqual([]);
  });
});

/** A person per row, as many as asked, yielded lazily: `pulled` counts the bytes handed to the reader. */
function manyRows(count: number) {
  const meter = { pulled: 0 };
  async function* chunks() {
    const header = new TextEncoder().encode(`${KOREAN_HEADERS.slice(0, 6).join(",")}\n`);
    meter.pulled += header.length;
    yield header;
    for (let start = 0; start < count; start += 1_000) {
      let text = "";
      for (let i = start; i < Math.min(count, start + 1_000); i++)
        text += `E${i},김민준,인사과,8급,주무관,2020-03-02\n`;
      const bytes = new TextEncoder().encode(text);
      meter.pulled += bytes.length;
      yield bytes;
    }
  }
  return { chunks: chunks(), meter };
}

async function problemOf(records: AsyncIterable<unknown>): Promise<{ read: number; problem: unknown }> {
  let read = 0;
  try {
    for await (const _ of records) read += 1;
  } catch (error) {
    return { read, problem: error instanceof FileProblem ? error.fileError : error };
  }
  return { read, problem: null };
}

/** The file's problems, found with its header or while reading its rows. */
async function problemsOf(file: DirectoryFile): Promise<unknown[]> {
  if (file.errors.length > 0) return file.errors;
  const { problem } = await problemOf(file.records);
  return problem ? [problem] : [];
}

describe("readDirectoryFile within a plan's limits", () => {
  const limits = { maxRows: 100, maxColumns: 30 };

  it("stops at the first row beyond the most rows, without reading the rest of the file", async () => {
    const { chunks, meter } = manyRows(400_000);
    const file = await readDirectoryFile(chunks, "a.csv", limits);
    expect(await problemOf(file.records)).toEqual({
      read: 100,
      problem: { code: "too_many_rows", params: { row: 102, limit: 100 } },
    });
    // A few of the 1,000-row chunks, not the 400,000 rows' 16 MB.
    expect(meter.pulled).toBeLessThan(200_000);
  });

  it("takes exactly the most rows, not counting the header and blank rows", async () => {
    const text = `${KOREAN_HEADERS.slice(0, 6).join(",")}\n,,,\n${"E1,김민준,인사과,8급,주무관,2020-03-02\n".repeat(100)}`;
    const file = await readDirectoryFile(new TextEncoder().encode(text), "a.csv", limits);
    expect(await problemOf(file.records)).toEqual({ read: 100, problem: null });
  });

  it("stops a workbook at the first row beyond the most rows", async () => {
    const people = Array.from({ length: 150 }, (_, i) => [
      `E${i}`,
      "김민준",
      "인사과",
      "8급",
      "주무관",
      "2020-03-02",
    ]);
    const file = await readDirectoryFile(await xlsx(people, KOREAN_HEADERS.slice(0, 6)), "a.xlsx", limits);
    expect(await problemOf(file.records)).toEqual({
      read: 100,
      problem: { code: "too_many_rows", params: { row: 102, limit: 100 } },
    });
  });

  it("refuses a header of 100,000 columns by its width, before naming any of them", async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `열${i}`).join(",");
    const file = await readDirectoryFile(new TextEncoder().encode(`${header}\nA,B\n`), "wide.csv", limits);
    expect(file.errors).toEqual([{ code: "too_many_columns", params: { row: 1, limit: 30 } }]);
    expect(await collect(file.records)).toEqual([]);
  });

  it("does not count blank cells after the last one filled in", async () => {
    const header = `${KOREAN_HEADERS.slice(0, 6).join(",")}${",".repeat(200)}`;
    const file = await readDirectoryFile(
      new TextEncoder().encode(`${header}\nE1,김민준,인사과,8급,주무관,2020-03-02${",".repeat(200)}\n`),
      "a.csv",
      limits,
    );
    expect(file.errors).toEqual([]);
    expect(await problemOf(file.records)).toEqual({ read: 1, problem: null });
  });

  it("stops at a data row with cells beyond the most columns", async () => {
    const wide = Array.from({ length: 40 }, (_, i) => `x${i}`).join(",");
    const text = `${KOREAN_HEADERS.slice(0, 6).join(",")}\nE1,김민준,인사과,8급,주무관,2020-03-02\n${wide}\n`;
    const file = await readDirectoryFile(new TextEncoder().encode(text), "a.csv", limits);
    expect(await problemOf(file.records)).toEqual({
      read: 1,
      problem: { code: "too_many_columns", params: { row: 3, limit: 30 } },
    });
  });

  it("cuts a cell longer than any field short, so it is still refused as too long", async () => {
    const text = `${KOREAN_HEADERS.slice(0, 6).join(",")}\nE1,${"김".repeat(5_000)},인사과,8급,주무관,2020-03-02\n`;
    const [record] = await collect(
      (await readDirectoryFile(new TextEncoder().encode(text), "a.csv", limits)).records,
    );
    expect(String(record?.cells.name)).toHaveLength(1_000);
  });

  it("stops at a CSV row longer than any directory row, naming that row", async () => {
    const text = `${KOREAN_HEADERS.slice(0, 6).join(",")}\nE1,김민준,인사과,8급,주무관,2020-03-02\nE2,"${"가".repeat(300_000)}"\n`;
    const file = await readDirectoryFile(inChunks(new TextEncoder().encode(text), 4096), "a.csv", limits);
    // The parser reads ahead of the rows asked for: the row may be found while the header is read.
    expect(await problemsOf(file)).toEqual([{ code: "row_too_long", params: { row: 3 } }]);
  });
});

describe("a damaged workbook", () => {
  const people = [["E1", "김민준", "인사과", "8급", "주무관", "2020-03-02"]];

  it.each([
    ["cut in half", (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ["cut short of its end", (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 30)],
    [
      "with damaged bytes inside",
      (bytes: Uint8Array) => {
        const damaged = Uint8Array.from(bytes);
        for (let i = 200; i < damaged.length - 200; i += 7) damaged[i] = (damaged[i] as number) ^ 0xff;
        return damaged;
      },
    ],
    [
      "a zip signature followed by noise",
      () => Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), randomBytes(5_000)]),
    ],
  ])("%s is told as a damaged workbook, never with the parser's message", async (_, damage) => {
    const bytes = damage(await xlsx(people, KOREAN_HEADERS.slice(0, 6)));
    const file = await readDirectoryFile(inChunks(bytes, 4096), "a.xlsx");
    expect(await problemsOf(file)).toEqual([{ code: "damaged_workbook" }]);
  });

  it("random bytes named .xlsx are not taken for a workbook", async () => {
    const file = await readDirectoryFile(randomBytes(10_000).fill(0x41, 0, 4), "a.xlsx");
    expect(file.errors).toEqual([{ code: "unsupported_format" }]);
  });
});
