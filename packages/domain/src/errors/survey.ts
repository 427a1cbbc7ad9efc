import type { ErrorTable } from "./error-table";

/** Survey rounds and responses. */
export const surveyErrors = {
  "survey.already_submitted": { status: 409, message: "surveys.error.alreadySubmitted" },
  "survey.round_closed": { status: 409, message: "surveys.error.roundClosed" },
  "survey.round_not_found": { status: 404, message: "surveys.error.roundNotFound" },
} as const satisfies ErrorTable;
