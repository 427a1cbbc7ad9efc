import type { ErrorTable } from "./error-table";

/** Signing in with a password, and resetting it. */
export const authErrors = {
  "auth.invalid_credentials": { status: 401, message: "auth.signIn.invalid" },
  "auth.throttled": { status: 429, message: "auth.signIn.throttled" },
  "auth.reset_link_invalid": { status: 410, message: "auth.reset.invalidLink" },
} as const satisfies ErrorTable;
