import { describe, expect, it } from "vitest";
import { fieldOfHeader, mapColumns } from "./columns";

describe("fieldOfHeader", () => {
  it.each([
    ["사번", "employeeNumber"],
    ["직원번호", "employeeNumber"],
    ["Employee Number", "employeeNumber"],
    ["employee_number", "employeeNumber"],
    ["성명", "name"],
    ["NAME", "name"],
    ["부서코드", "department"],
    ["부서 명", "department"],
    ["직급", "grade"],
    ["직책", "positionTitle"],
    ["Hire date", "hireDate"],
    ["E-mail", "email"],
    ["휴대전화", "phone"],
    ["출생연도*", "birthYear"],
    ["상위부서", "parentDepartment"],
    ["Parent Department Code", "parentDepartment"],
    ["상급자사번", "supervisorEmployeeNumber"],
    ["상급자", "supervisorEmployeeNumber"],
    ["supervisor_employee_number", "supervisorEmployeeNumber"],
  ])("reads %s as %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("does not guess at unknown headers", () => {
    expect(fieldOfHeader("이매일")).toBeUndefined();
  });
});

describe("mapColumns", () => {
  it("maps a Korean header row to column positions, ignoring blank trailing headers", () => {
    const mapped = mapColumns(["사번", "성명", "부서", "직급", "직위", "임용일", "이메일", ""]);
    expect(mapped.ok && Object.fromEntries(mapped.columns)).toEqual({
      employeeNumber: 0,
      name: 1,
      department: 2,
      grade: 3,
      positionTitle: 4,
      hireDate: 5,
      email: 6,
    });
  });

  it("names missing required fields, unknown headers and repeated fields", () => {
    const mapped = mapColumns(["사번", "이름", "부서", "부서명", "직급", "비고"]);
    expect(mapped).toEqual({
      ok: false,
      errors: [
        { code: "missing_columns", params: { fields: ["positionTitle", "hireDate"] } },
        { code: "unknown_columns", params: { headers: ["비고"] } },
        { code: "duplicate_columns", params: { headers: ["부서명"] } },
      ],
    });
  });

  it("lists only the first unknown headers, each cut short, and counts the rest", () => {
    const long = "가".repeat(5_000);
    const headers = ["사번", "성명", "부서", "직급", "직위", "임용일", long];
    for (let i = 0; i < 25; i++) headers.push(`비고${i}`);
    const mapped = mapColumns(headers);
    const unknown = mapped.ok ? undefined : mapped.errors.find((error) => error.code === "unknown_columns");
    expect(unknown?.params?.headers).toHaveLength(10);
    expect(unknown?.params?.headers?.[0]).toBe(`${"가".repeat(40)}…`);
    expect(unknown?.params?.more).toBe(16);
  });
});
