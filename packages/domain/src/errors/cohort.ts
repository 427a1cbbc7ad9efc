import type { ErrorTable } from "./error-table";

/** Templates and cohorts: schedules and lifecycle moves. */
export const cohortErrors = {
  "cohort.already_in_status": { status: 409, message: "programs.error.alreadyInStatus" },
  "cohort.closed": { status: 409, message: "programs.error.cohortClosed" },
  "cohort.not_found": { status: 404, message: "programs.error.cohortNotFound" },
  "cohort.number_taken": { status: 409, message: "programs.error.numberTaken" },
  "cohort.override_reason_required": { status: 400, message: "programs.transition.reasonRequired" },
  "cohort.status_changed": { status: 409, message: "programs.error.statusChanged" },
  "cohort.transition_refused": { status: 409, message: "programs.transition.refused" },
  "template.not_found": { status: 404, message: "programs.error.templateNotFound" },
} as const satisfies ErrorTable;
