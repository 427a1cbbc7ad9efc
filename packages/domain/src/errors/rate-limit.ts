import type { ErrorTable } from "./error-table";

/**
 * Too many requests of one kind from one address or for one account (sign-up, the certificate check, reset
 * mails). Raised with `{ minutes }` and the seconds to wait as `details.retryAfterSeconds`.
 */
export const rateLimitErrors = {
  "rate_limit.exceeded": { status: 429, message: "error.rateLimited" },
} as const satisfies ErrorTable;
