import type { TenantDb } from "@mentoring/db";
import type { MatchBy } from "../records/sso-config";

/** What the admin page shows: everything but the secret, of which only its presence. */
export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  matchBy: MatchBy;
  employeeNumberClaim: string;
  enabled: boolean;
  hasSecret: boolean;
}

/** The tenant's SSO settings for its admin page, or null when none are saved yet. */
export async function getSsoSettings(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<SsoSettingsView | null> {
  const row = await tx.ssoConfig.findUnique({ where: { tenantId: input.tenantId } });
  if (!row) return null;
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    matchBy: row.matchBy === "employee_number" ? "employee_number" : "email",
    employeeNumberClaim: row.employeeNumberClaim,
    enabled: row.enabled,
    hasSecret: row.clientSecretEncrypted !== "",
  };
}
