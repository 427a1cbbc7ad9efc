import { type CalendarDate, parseCalendarDate, parseGrade } from "@mentoring/domain";
import type { DirectoryField } from "./columns";
import type { CellValue, SourceRecord } from "./read-file";

/** Why a row cannot be imported; `code` is translated as `directory.error.<code>`. */
export type RowErrorCode =
  | "required"
  | "too_long"
  | "grade_unrecognised"
  | "date_invalid"
  | "date_in_future"
  | "email_invalid"
  | "phone_invalid"
  | "birth_year_invalid"
  | "duplicate"
  | "department_ambiguous"
  /** The parent department would place a department under itself or under one of its own. */
  | "parent_cycle"
  /** Another row (`row`) gives the same department another parent. */
  | "parent_conflict"
  | "supervisor_self"
  /** No one in the directory or in the file has the supervisor's employee number. */
  | "supervisor_unknown";

export interface RowProblem {
  field: DirectoryField;
  code: RowErrorCode;
  params?: Record<string, string | number>;
}

/**
 * A row that passed validation, in the form it is stored and applied. Optional fields are `undefined` when
 * the file has no such column (the current value is kept) and `null` when the cell is blank (cleared).
 */
export interface DirectoryEntry {
  employeeNumber: string;
  name: string;
  /** As written: a department code or an exact department name. */
  department: string;
  /** 1-9, or null for a recognised non-graded post (연구사, 전문경력관 …). */
  grade: number | null;
  positionTitle: string;
  hireDate: CalendarDate;
  email?: string | null;
  phone?: string | null;
  birthYear?: number | null;
  /**
   * The department above the row's department (a code or an exact name, like `department`): placed
   * there when the import creates or names it.
   */
  parentDepartment?: string | null;
  /** The direct supervisor's employee number. */
  supervisorEmployeeNumber?: string | null;
}

export type RowValidation =
  | { ok: true; entry: DirectoryEntry; display: Partial<Record<DirectoryField, string>> }
  | { ok: false; problems: RowProblem[]; display: Partial<Record<DirectoryField, string>> };

const MAX_LENGTH: Partial<Record<DirectoryField, number>> = {
  employeeNumber: 50,
  name: 100,
  department: 200,
  parentDepartment: 200,
  supervisorEmployeeNumber: 50,
  positionTitle: 100,
  email: 254,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9()\-.\s]{7,20}$/;
/** 2024-03-01, 2024.03.01, 2024/3/1, "2024. 3. 1." (Korean style), with or without a trailing dot. */
const DATE_TEXT = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's day 0 is 1899-12-30 (it counts 1900 as a leap year, so serials from March 1900 line up). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: number | string) => String(n).padStart(2, "0");

/** The text a cell shows (dates as YYYY-MM-DD), for error listings and for the stored row. */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined) return "";
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return String(value).trim();
}

/**
 * A calendar date from a date cell (exceljs gives the day at UTC midnight), an Excel serial number left
 * unformatted, "YYYYMMDD", or text with -, . or / between year, month and day.
 */
export function parseDateCell(value: CellValue): CalendarDate | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : parseCalendarDate(cellText(value));
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 10_000 && value < 80_000)
      return parseCalendarDate(cellText(new Date(EXCEL_EPOCH + value * 86_400_000)));
    return parseDateCell(String(value));
  }
  if (typeof value !== "string") return null;
  const text = value.normalize("NFKC").trim();
  const match = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text);
  if (!match) return null;
  return parseCalendarDate(`${match[1]}-${pad(match[2] as string)}-${pad(match[3] as string)}`);
}

/** Integers read from numeric cells print without ".0"; employee numbers such as 20250001 stay whole. */
const text = (value: CellValue | undefined) => (value === undefined ? "" : cellText(value));

/**
 * Checks one row on its own: required cells, lengths, grade, hire date (not after `today`), e-mail, phone,
 * birth year, a supervisor who is not the row's own person. Every problem is returned, not only the first. Rules that need other rows (duplicates) or the
 * database (departments) are applied by the caller.
 */
export function validateRecord(
  record: SourceRecord,
  { today, columns }: { today: CalendarDate; columns: ReadonlySet<DirectoryField> },
): RowValidation {
  const { cells } = record;
  const problems: RowProblem[] = [];
  const display: Partial<Record<DirectoryField, string>> = {};
  for (const [field, value] of Object.entries(cells) as [DirectoryField, CellValue][])
    display[field] = cellText(value);

  const required = (field: DirectoryField) => {
    const value = text(cells[field]);
    if (value === "") problems.push({ field, code: "required" });
    return value;
  };
  const employeeNumber = required("employeeNumber");
  const name = required("name");
  const department = required("department");
  const positionTitle = required("positionTitle");

  let grade: number | null = null;
  const gradeText = text(cells.grade);
  if (gradeText === "") problems.push({ field: "grade", code: "required" });
  else {
    const parsed = parseGrade(gradeText);
    if (parsed.ok) grade = parsed.grade;
    else problems.push({ field: "grade", code: "grade_unrecognised", params: { value: gradeText } });
  }

  let hireDate: CalendarDate | null = null;
  if (cells.hireDate === undefined) problems.push({ field: "hireDate", code: "required" });
  else {
    hireDate = parseDateCell(cells.hireDate);
    if (!hireDate)
      problems.push({ field: "hireDate", code: "date_invalid", params: { value: text(cells.hireDate) } });
    else if (hireDate > today)
      problems.push({ field: "hireDate", code: "date_in_future", params: { value: hireDate } });
  }

  for (const [field, max] of Object.entries(MAX_LENGTH) as [DirectoryField, number][]) {
    if (text(cells[field]).length > max) problems.push({ field, code: "too_long", params: { max } });
  }

  const optional = <T>(
    field: DirectoryField,
    code: RowErrorCode,
    read: (value: string) => T | null,
  ): T | null | undefined => {
    if (!columns.has(field)) return undefined;
    const value = text(cells[field]);
    if (value === "") return null;
    const parsed = read(value);
    if (parsed === null) problems.push({ field, code, params: { value } });
    return parsed;
  };
  const email = optional("email", "email_invalid", (value) =>
    EMAIL.test(value) ? value.toLowerCase() : null,
  );
  const phone = optional("phone", "phone_invalid", (value) => (PHONE.test(value) ? value : null));
  const birthYear = optional("birthYear", "birth_year_invalid", (value) => {
    const year = Number(value);
    return /^\d{4}$/.test(value) && year >= 1900 && year <= Number(today.slice(0, 4)) ? year : null;
  });
  const parentDepartment = optional("parentDepartment", "required", (value) => value);
  const supervisorEmployeeNumber = optional("supervisorEmployeeNumber", "supervisor_self", (value) =>
    value === employeeNumber ? null : value,
  );

  if (problems.length > 0 || !hireDate) return { ok: false, problems, display };
  return {
    ok: true,
    display,
    entry: {
      employeeNumber,
      name,
      department,
      grade,
      positionTitle,
      hireDate,
      email,
      phone,
      birthYear,
      parentDepartment,
      supervisorEmployeeNumber,
    },
  };
}
