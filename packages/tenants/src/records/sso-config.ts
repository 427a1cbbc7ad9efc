import { decryptSecret, SecretBoxError } from "@mentoring/auth";
import type { SsoConfig } from "@mentoring/db";

/**
 * A tenant's single sign-on configuration as stored: the provider, how people are matched, and the client
 * secret sealed with DATA_ENCRYPTION_KEY, bound to the tenant.
 */

export const matchByValues = ["email", "employee_number"] as const;
export type MatchBy = (typeof matchByValues)[number];

export const DEFAULT_EMPLOYEE_NUMBER_CLAIM = "employee_number";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Plain http is only for a provider on this machine (tests, local development). */
export function isLoopbackUrl(url: URL): boolean {
  return loopbackHosts.has(url.hostname);
}

/** What the client secret is sealed to, so that one tenant's sealed value cannot be used by another. */
export function secretContext(tenantId: string): string {
  return `sso_config:${tenantId}`;
}

/** The stored client secret, or undefined when there is none or it cannot be opened any more. */
export function openClientSecret(row: SsoConfig | null, encryptionKey: string): string | undefined {
  if (!row?.clientSecretEncrypted) return undefined;
  try {
    return decryptSecret(row.clientSecretEncrypted, encryptionKey, secretContext(row.tenantId));
  } catch (error) {
    // Sealed under another key (rotated without re-encrypting): the admin must enter it again.
    if (error instanceof SecretBoxError) return undefined;
    throw error;
  }
}
