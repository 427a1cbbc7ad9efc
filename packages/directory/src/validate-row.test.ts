import { calendarDate } from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import type { DirectoryField } from "./columns";
import type { SourceRecord } from "./read-file";
import { parseDateCell, validateRecord } from "./validate-row";

const today = calendarDate("2025-06-30");
const allColumns = new Set<DirectoryField>(["email", "phone", "birthYear"]);
const good: SourceRecord["cells"] = {
  employeeNumber: "Y2020-0001",
  name: "김민준",
  department: "인사과",
  grade: "8급",
  positionTitle: "주무관",
  hireDate: "2020-03-02",
  email: "Minjun.Kim@yongin.example.kr",
  phone: "010-0000-1234",
  birthYear: "1991",
};
const check = (cells: SourceRecord["cells"], columns = allColumns) =>
  validateRecord({ rowNumber: 7, cells }, { today, columns });

describe("validateRecord", () => {
  it("accepts a complete row, with the e-mail in lower case", () => {
    expect(check(good)).toMatchObject({
      ok: true,
      entry: {
        employeeNumber: "Y2020-0001",
        grade: 8,
        hireDate: "2020-03-02",
        email: "minjun.kim@yongin.example.kr",
        birthYear: 1991,
      },
    });
  });

  it("reads rank titles and recognised non-graded posts", () => {
    expect(check({ ...good, grade: "지방행정주사보" })).toMatchObject({ entry: { grade: 7 } });
    expect(check({ ...good, grade: 6 })).toMatchObject({ entry: { grade: 6 } });
    expect(check({ ...good, grade: "보건연구사" })).toMatchObject({ ok: true, entry: { grade: null } });
  });

  it("asks for a grade when the cell is blank: a non-graded post must say which (연구사, 전문경력관)", () => {
    const { grade: _, ...noGrade } = good;
    expect(check(noGrade)).toMatchObject({ ok: false, problems: [{ field: "grade", code: "required" }] });
    expect(check({ ...good, grade: "10급" })).toMatchObject({
      problems: [{ field: "grade", code: "grade_unrecognised", params: { value: "10급" } }],
    });
  });

  it("returns every problem of a row, not only the first", () => {
    const result = check({ grade: "8급", hireDate: "2030-01-01", email: "kim@", birthYear: "91" });
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "employeeNumber:required",
      "name:required",
      "department:required",
      "positionTitle:required",
      "hireDate:date_in_future",
      "email:email_invalid",
      "birthYear:birth_year_invalid",
    ]);
  });

  it("leaves optional fields the file has no column for undefined, and blank cells null", () => {
    const { email: _e, phone: _p, birthYear: _b, ...required } = good;
    const absent = check(required, new Set());
    expect(absent.ok && [absent.entry.email, absent.entry.phone, absent.entry.birthYear]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const blank = check(required);
    expect(blank.ok && [blank.entry.email, blank.entry.phone, blank.entry.birthYear]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("reads the parent department and the supervisor's employee number, a number cell as text", () => {
    const columns = new Set<DirectoryField>([...allColumns, "parentDepartment", "supervisorEmployeeNumber"]);
    const result = check(
      { ...good, parentDepartment: " 행정국 ", supervisorEmployeeNumber: 20100007 },
      columns,
    );
    expect(result.ok && [result.entry.parentDepartment, result.entry.supervisorEmployeeNumber]).toEqual([
      "행정국",
      "20100007",
    ]);
    const blank = check(good, columns);
    expect(blank.ok && [blank.entry.parentDepartment, blank.entry.supervisorEmployeeNumber]).toEqual([
      null,
      null,
    ]);
  });

  it("refuses a row naming its own person as their supervisor", () => {
    const columns = new Set<DirectoryField>(["supervisorEmployeeNumber"]);
    expect(check({ ...good, supervisorEmployeeNumber: "Y2020-0001" }, columns)).toMatchObject({
      ok: false,
      problems: [{ field: "supervisorEmployeeNumber", code: "supervisor_self" }],
    });
  });

  it("flags overlong text and an invalid phone number", () => {
    expect(check({ ...good, name: "김".repeat(101), phone: "전화없음" })).toMatchObject({
      problems: [
        { field: "name", code: "too_long", params: { max: 100 } },
        { field: "phone", code: "phone_invalid" },
      ],
    });
  });
});

describe("parseDateCell", () => {
  it.each([
    ["2024-03-01", "2024-03-01"],
    ["2024.03.01", "2024-03-01"],
    ["2024/3/1", "2024-03-01"],
    ["2024. 3. 1.", "2024-03-01"],
    ["20240301", "2024-03-01"],
    [45352, "2024-03-01"],
    [new Date(Date.UTC(2024, 2, 1)), "2024-03-01"],
  ])("reads %s", (cell, expected) => {
    expect(parseDateCell(cell)).toBe(expected);
  });

  it.each(["2024-02-30", "2024-13-01", "03/01/2024", "내일", ""])("refuses %s", (cell) => {
    expect(parseDateCell(cell)).toBeNull();
  });
});
