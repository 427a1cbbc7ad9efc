import type { ErrorTable } from "./error-table";

/** Input that breaks a rule the use case checks itself (its schema): each field's issue travels with it. */
export const inputErrors = {
  "input.invalid": { status: 400, message: "form.errorSummary" },
} as const satisfies ErrorTable;
