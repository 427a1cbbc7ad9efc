import { importSummaryOf } from "./summary";

/** Validation has run to the end (the import is invalid or ready, or later states). */
export const isValidated = (summary: unknown) => importSummaryOf(summary).counts !== undefined;

/** Why an import cannot be applied as it stands; nothing was written. */
export type ApplyRefusal = "not_validated" | "invalid" | "unknown_departments";

/** An import that applying would refuse, and why; null when it may be applied. */
export function applyRefusal(directoryImport: {
  status: string;
  summary: unknown;
  createMissingDepartments: boolean;
}): ApplyRefusal | null {
  const summary = importSummaryOf(directoryImport.summary);
  if (!isValidated(summary) || directoryImport.status === "validating") return "not_validated";
  if (directoryImport.status === "invalid") return "invalid";
  if ((summary.unknownDepartmentCount ?? 0) > 0 && !directoryImport.createMissingDepartments)
    return "unknown_departments";
  return null;
}
