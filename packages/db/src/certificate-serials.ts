import type { PlatformDb } from "./database";

/**
 * The tenant that issued a certificate serial, or null: the public check's way to find where to look,
 * without a session. certificate_serials is under row-level security; this goes through the narrow
 * function certificate_serial_tenant() (src/provision.ts), which answers nothing but the tenant id.
 */
export async function findCertificateSerialTenant(db: PlatformDb, serial: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ tenantId: string | null }[]>`
    select public.certificate_serial_tenant(${serial}) as "tenantId"`;
  return row?.tenantId ?? null;
}
