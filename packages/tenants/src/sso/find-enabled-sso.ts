import type { Database, SsoConfig } from "@mentoring/db";
import { openClientSecret } from "../records/sso-config";

export interface EnabledSso {
  tenant: { id: string; slug: string };
  sso: SsoConfig;
  /** The client secret, opened; undefined when it cannot be (sealed under another key). */
  clientSecret: string | undefined;
}

/**
 * The SSO configuration sign-in uses for the tenant at `slug`: null unless the tenant exists, is not
 * closed, and has SSO saved and enabled.
 */
export async function findEnabledSso(
  db: Database,
  input: { slug: string; encryptionKey: string },
): Promise<EnabledSso | null> {
  const tenant = await db.platform.tenant.findUnique({
    where: { slug: input.slug },
    select: { id: true, slug: true, status: true },
  });
  if (!tenant || tenant.status === "closed") return null;
  const sso = await db.withTenant(tenant.id, (tx) =>
    tx.ssoConfig.findUnique({ where: { tenantId: tenant.id } }),
  );
  if (!sso?.enabled) return null;
  return {
    tenant: { id: tenant.id, slug: tenant.slug },
    sso,
    clientSecret: openClientSecret(sso, input.encryptionKey),
  };
}
