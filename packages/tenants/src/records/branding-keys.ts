import { type Database, recordAudit } from "@mentoring/db";
import type { FileStorage } from "@mentoring/storage";
import type { BrandingKeys } from "./branding-image";

/** Where a failed clean-up is reported: it leaves an orphan file, not a broken page. */
export interface BrandingLog {
  warn(details: object, message: string): void;
}

/**
 * Writes the tenant's new image keys with their audit row in one transaction, and returns the keys it
 * replaced. `skipUnchanged` writes nothing (no audit row) when the keys would stay as they are.
 */
export async function saveBrandingKeys(
  db: Database,
  input: {
    tenantId: string;
    actorUserId: string;
    requestId: string;
    next: Partial<BrandingKeys>;
    skipUnchanged?: boolean;
  },
): Promise<BrandingKeys> {
  const { tenantId, actorUserId, requestId, next, skipUnchanged = false } = input;
  // tenants is a platform table, reachable in the tenant's transaction: the change and its audit row commit together.
  return db.withTenant(tenantId, async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { logoKey: true, sealKey: true },
    });
    const after = { ...before, ...next };
    if (skipUnchanged && after.logoKey === before.logoKey && after.sealKey === before.sealKey) return before;
    await tx.tenant.update({ where: { id: tenantId }, data: next });
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "tenant.branding.update",
      entityType: "tenant",
      entityId: tenantId,
      before,
      after,
      requestId,
    });
    return before;
  });
}

/** Deletes the files the row no longer names, once the change has committed. */
export async function removeReplacedFiles(
  storage: FileStorage,
  before: BrandingKeys,
  next: Partial<BrandingKeys>,
  log?: BrandingLog,
): Promise<void> {
  for (const name of ["logoKey", "sealKey"] as const) {
    const old = before[name];
    if (!(name in next) || !old || old === next[name]) continue;
    // The row no longer names the file; failing to delete it leaves an orphan, not a broken page.
    await storage
      .delete(old)
      .catch((err: unknown) => log?.warn({ err, key: old }, "branding file not removed"));
  }
}
