import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bomUtf8Csv, collect, cp949Csv, csvText, inChunks, xlsx } from "../test/fixtures";
import { detectEncoding, detectFormat, readDirectoryFile } from "./read-file";

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
    expect((await readDirectoryFile(broken, "a.xlsx")).errors[0]?.code).toMatch(/unreadable|empty/);
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
