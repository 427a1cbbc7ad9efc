import type { Database } from "@mentoring/db";
import type { FileStorage } from "@mentoring/storage";
import { forEachTenant } from "../records/each-tenant";
import { purgePersonalData } from "./purge-personal-data";

export interface PurgeSummary {
  tenants: number;
  /** Rows deleted and pseudonymised, over every tenant. */
  deleted: number;
  pseudonymised: number;
  files: number;
}

/**
 * The daily purge over every tenant (whatever its status: a read-only or closed organisation's data is
 * still bound by its periods), each through purgePersonalData at the same `now`. A tenant that fails does
 * not stop the others; the first failure is thrown once all are done, and the next run takes up what is
 * left (the purge is idempotent).
 */
export async function purgeDuePersonalData(
  db: Database,
  input: {
    now: Date;
    storage: FileStorage;
    onTenantDone?: (done: number, total: number) => Promise<void> | void;
    signal?: AbortSignal;
  },
): Promise<PurgeSummary> {
  const tenants = await db.platform.tenant.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  const summary: PurgeSummary = { tenants: tenants.length, deleted: 0, pseudonymised: 0, files: 0 };
  let done = 0;
  await forEachTenant(tenants, async (tenant) => {
    const result = await purgePersonalData(db, {
      tenantId: tenant.id,
      now: input.now,
      dryRun: false,
      storage: input.storage,
      signal: input.signal,
    });
    for (const counts of Object.values(result.counts)) {
      summary.deleted += counts?.deleted ?? 0;
      summary.pseudonymised += counts?.pseudonymised ?? 0;
    }
    summary.files += result.files;
    await input.onTenantDone?.(++done, tenants.length);
  });
  return summary;
}
