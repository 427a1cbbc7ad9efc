import type { ErrorTable } from "./error-table";

/** Retention and the privacy policy (처리방침). */
export const retentionErrors = {
  /** A privacy policy asked for under an address that is no organisation's. */
  "retention.policy_not_found": { status: 404, message: "error.notFound" },
} as const satisfies ErrorTable;
