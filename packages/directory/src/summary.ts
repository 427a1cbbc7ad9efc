import type { FileError } from "./columns";
import type { DirectoryEntry, RowProblem } from "./validate-row";

/** validating → invalid | ready → applying → applied; failed when something unexpected broke. */
export const importStatuses = ["validating", "invalid", "ready", "applying", "applied", "failed"] as const;
export type ImportStatus = (typeof importStatuses)[number];

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  /** Active staff absent from a full import (0 for a partial one). */
  missing: number;
  invalid: number;
}

export interface AppliedCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  departmentsCreated: number;
  /** Departments the file's parent column moved; absent when none moved. */
  departmentsPlaced?: number;
  /** People whose direct supervisor was set, changed or cleared; absent when none was. */
  supervisorsChanged?: number;
}

/** DirectoryImport.summary */
export interface ImportSummary {
  /** Set once validation has finished. */
  counts?: ImportCounts;
  fileErrors?: FileError[];
  /** Department texts no department matches, up to UNKNOWN_DEPARTMENTS_KEPT of them. */
  unknownDepartments?: string[];
  unknownDepartmentCount?: number;
  applied?: AppliedCounts;
  /** What the uploader asked for at upload; kept through validation. */
  request?: { applyWhenValid?: boolean };
}

export const UNKNOWN_DEPARTMENTS_KEPT = 200;

/** Reads the summary column (JSON) back; anything unexpected becomes an empty summary. */
export function importSummaryOf(json: unknown): ImportSummary {
  return json && typeof json === "object" && !Array.isArray(json) ? (json as ImportSummary) : {};
}

/** DirectoryImportRow.data */
export interface ImportRowData {
  /** The cells as written (dates as YYYY-MM-DD), for the error listing. */
  display: Record<string, string>;
  /** Kept at the top for every row with one, so "missing" people can be found by SQL. */
  employeeNumber?: string;
  /** Valid rows only. */
  entry?: DirectoryEntry;
  /** Valid rows: the matched department, or null for one to be created. */
  departmentId?: string | null;
  /** Changed rows: which fields. */
  fields?: string[];
}

export type ImportRowErrors = RowProblem[];
