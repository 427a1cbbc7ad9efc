import type { ErrorTable } from "./error-table";

/** A cohort's final report (결과보고서): asking for it, and its files. */
export const reportErrors = {
  /** A report run that is not the tenant's cohort's (or was never made). */
  "report.run_not_found": { status: 404, message: "reports.error.runNotFound" },
  /** The run's files are not there (not made yet, or it failed): not found, as a file that is not there. */
  "report.not_ready": { status: 404, message: "reports.error.notReady" },
} as const satisfies ErrorTable;
