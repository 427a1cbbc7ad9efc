import type { TenantDb } from "@mentoring/db";
import { type DirectoryImportLimits, directoryImportLimitsFor } from "@mentoring/domain";

/**
 * How large a directory file the tenant may import, by its plan (the default without one): what the
 * upload page and the API state, and what uploading and validation enforce.
 */
export async function getDirectoryImportLimits(
  tx: TenantDb,
  { tenantId }: { tenantId: string },
): Promise<DirectoryImportLimits> {
  const tenant = await tx.tenant.findFirst({ where: { id: tenantId }, select: { planCode: true } });
  return directoryImportLimitsFor(tenant?.planCode);
}
