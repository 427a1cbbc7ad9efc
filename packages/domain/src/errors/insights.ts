import type { ErrorTable } from "./error-table";

/** National insights: the operator's analysts' accounts. */
export const insightsErrors = {
  "insights.analyst_email_taken": { status: 409, message: "insights.analysts.emailTaken" },
  "insights.analyst_not_found": { status: 404, message: "insights.analysts.notFound" },
} as const satisfies ErrorTable;
