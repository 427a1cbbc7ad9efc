import { type Database, recordAudit } from "@mentoring/db";
import { retentionCutoffs, retentionPeriodsOf } from "@mentoring/domain";
import type { FileStorage } from "@mentoring/storage";
import {
  type RetentionAction,
  type RetentionCounts,
  type RetentionScope,
  retentionSteps,
} from "../records/retention-steps";

/** Rows a batch deletes or pseudonymises, each batch its own transaction. */
export const RETENTION_BATCH = 500;

export interface PurgeInput {
  tenantId: string;
  /** The moment the purge acts at: the tenant's "today" is this instant in its time zone. */
  now: Date;
  /** Counts what is due without changing anything. */
  dryRun: boolean;
  /** Where the files of the rows removed are (attachments, certificates, reports, directory uploads). */
  storage?: FileStorage;
  batchSize?: number;
  /** After each step: how many of how many are done. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
  signal?: AbortSignal;
}

export interface PurgeResult {
  dryRun: boolean;
  /** The tenant's calendar day the periods were measured to. */
  today: string;
  counts: RetentionCounts;
  /** Files removed from storage (none in a dry run). */
  files: number;
}

/**
 * Deletes or pseudonymises, in one tenant, every row of personal data whose retention period has ended at
 * `now` (the periods are the tenant's settings, within the domain's bounds; retention-steps.ts says what
 * each step takes). In batches, each its own transaction inside the tenant's row-level security; the files
 * of the rows removed are deleted from storage after the rows' transaction committed; an audit row records
 * the counts per table. Idempotent: a second run finds nothing due. With `dryRun` it counts the same
 * selections in one transaction and changes nothing (no audit row either).
 */
export async function purgePersonalData(db: Database, input: PurgeInput): Promise<PurgeResult> {
  const { tenantId, now, dryRun } = input;
  const batchSize = input.batchSize ?? RETENTION_BATCH;
  const tenant = await db.withTenant(tenantId, (tx) =>
    tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { timeZone: true, retentionMonths: true },
    }),
  );
  const cutoffs = retentionCutoffs(retentionPeriodsOf(tenant.retentionMonths), now, tenant.timeZone);
  const scope: RetentionScope = { tenantId, timeZone: tenant.timeZone, cutoffs };
  const steps = retentionSteps(scope);
  const counts: RetentionCounts = {};
  const add = (table: keyof RetentionCounts, found: Partial<Record<RetentionAction, number>>) => {
    for (const [action, count] of Object.entries(found) as [RetentionAction, number][]) {
      if (!count) continue;
      const row = counts[table] ?? {};
      row[action] = (row[action] ?? 0) + count;
      counts[table] = row;
    }
  };

  if (dryRun) {
    await db.withTenant(tenantId, async (tx) => {
      for (const step of steps) add(step.table, await step.count(tx));
    });
    return { dryRun, today: cutoffs.today, counts, files: 0 };
  }

  let files = 0;
  for (const [index, step] of steps.entries()) {
    for (;;) {
      input.signal?.throwIfAborted();
      const batch = await db.withTenant(tenantId, (tx) => step.run(tx, batchSize));
      add(step.table, batch.counts);
      // After the commit: a row never points at a file that is gone. A file left by a crash here is an
      // orphan no row names (the storage holds nothing anyone can reach through the app).
      for (const key of batch.files) {
        await input.storage?.delete(key);
        files++;
      }
      if (batch.selected < batchSize) break;
    }
    await input.onProgress?.(index + 1, steps.length);
  }
  await db.withTenant(tenantId, (tx) =>
    recordAudit(tx, {
      tenantId,
      actorUserId: null,
      action: "retention.purge",
      entityType: "tenant",
      entityId: tenantId,
      after: {
        today: cutoffs.today,
        deleted: perAction(counts, "deleted"),
        pseudonymised: perAction(counts, "pseudonymised"),
        files,
      },
    }),
  );
  return { dryRun, today: cutoffs.today, counts, files };
}

function perAction(counts: RetentionCounts, action: RetentionAction): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).flatMap(([table, byAction]) => {
      const count = byAction?.[action] ?? 0;
      return count > 0 ? [[table, count]] : [];
    }),
  );
}
