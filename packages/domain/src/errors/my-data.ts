import type { ErrorTable } from "./error-table";

/** A person's rights over their data: withdrawing consent, asking for corrections, handling those requests. */
export const myDataErrors = {
  /** No application of the person's in the cohort that holds their consent (or not their cohort). */
  "my_data.no_application": { status: 404, message: "myData.error.noApplication" },
  /** An account without a staff record has no directory record to correct nor applications. */
  "my_data.no_staff": { status: 403, message: "myData.error.noStaff" },
  "my_data.correction_unchanged": { status: 422, message: "myData.error.correctionUnchanged" },
  "my_data.correction_not_found": { status: 404, message: "myData.error.correctionNotFound" },
  /** Applied or declined already (by another admin, or a second press). */
  "my_data.correction_resolved": { status: 409, message: "myData.error.correctionResolved" },
  "my_data.decline_reason_required": { status: 422, message: "myData.error.declineReasonRequired" },
} as const satisfies ErrorTable;
