import type { DirectoryEntry } from "./validate-row";

/** A staff member as the directory holds them, in the form rows are compared with. */
export interface CurrentStaff {
  id: string;
  employeeNumber: string;
  name: string;
  departmentId: string;
  grade: number | null;
  positionTitle: string;
  /** YYYY-MM-DD */
  hireDate: string;
  birthYear: number | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  /** The direct supervisor's employee number; absent where the caller did not look it up. */
  supervisorEmployeeNumber?: string | null;
}

export const comparedFields = [
  "name",
  "department",
  "grade",
  "positionTitle",
  "hireDate",
  "email",
  "phone",
  "birthYear",
  "supervisorEmployeeNumber",
  "active",
] as const;
export type ComparedField = (typeof comparedFields)[number];

export type RowPlan =
  | { action: "new" }
  | { action: "changed"; staffId: string; fields: ComparedField[] }
  | { action: "unchanged"; staffId: string };

/**
 * What applying a valid row would do to the current directory. `departmentId` is null for a department
 * that does not exist yet (it would be created, so a current staff member's department changes). A row for
 * someone deactivated brings them back (field "active"). Optional fields absent from the file are kept.
 */
export function planRow(
  entry: DirectoryEntry,
  departmentId: string | null,
  current: CurrentStaff | undefined,
): RowPlan {
  if (!current) return { action: "new" };
  const fields: ComparedField[] = [];
  if (entry.name !== current.name) fields.push("name");
  if (departmentId !== current.departmentId) fields.push("department");
  if (entry.grade !== current.grade) fields.push("grade");
  if (entry.positionTitle !== current.positionTitle) fields.push("positionTitle");
  if (entry.hireDate !== current.hireDate) fields.push("hireDate");
  if (entry.email !== undefined && entry.email !== current.email) fields.push("email");
  if (entry.phone !== undefined && entry.phone !== current.phone) fields.push("phone");
  if (entry.birthYear !== undefined && entry.birthYear !== current.birthYear) fields.push("birthYear");
  if (
    entry.supervisorEmployeeNumber !== undefined &&
    entry.supervisorEmployeeNumber !== (current.supervisorEmployeeNumber ?? null)
  )
    fields.push("supervisorEmployeeNumber");
  if (!current.active) fields.push("active");
  return fields.length > 0
    ? { action: "changed", staffId: current.id, fields }
    : { action: "unchanged", staffId: current.id };
}
