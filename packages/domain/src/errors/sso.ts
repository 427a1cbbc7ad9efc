import type { ErrorTable } from "./error-table";

/** A tenant's single sign-on settings, and matching a person the identity provider vouches for. */
export const ssoErrors = {
  "sso.discovery_failed": { status: 422, message: "sso.form.discoveryFailed" },
  "sso.no_match": { status: 404, message: "sso.error.no_match" },
  "sso.secret_required": { status: 400, message: "sso.form.secretRequired" },
} as const satisfies ErrorTable;
