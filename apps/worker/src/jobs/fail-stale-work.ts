import type { TenantDb } from "@mentoring/db";
import { staleWorkReason, WORK_LEASE_MS, type WorkFailureCode } from "@mentoring/domain";
import type { JobHandler } from "./handler";

/** A row showing work under way, with its last change and whether its newest job failed for good. */
interface UnderWayRow {
  id: string;
  status: string;
  updatedAt: Date;
  latestJobFailedAt: Date | null;
}

/**
 * Each kind of long work: how to read its rows under way (with the newest outbox row of the jobs that do
 * it, found by the payload key naming the row), and how to mark one row failed (only if it is still as it was read, so that work that
 * moved on in between is left alone).
 */
const kinds = [
  {
    table: "matching_runs",
    read: (tx: TenantDb, tenantId: string) => tx.$queryRaw<UnderWayRow[]>`
      select w.id::text as id, w.status::text as status, w.updated_at as "updatedAt",
             (select e.failed_at from outbox_events e
               where e.job_name = 'matching.run' and e.payload->>'runId' = w.id::text
               order by e.id desc limit 1) as "latestJobFailedAt"
        from matching_runs w
       where w.tenant_id = ${tenantId}::uuid and w.status = 'running'`,
    fail: (tx: TenantDb, tenantId: string, row: UnderWayRow, failureCode: WorkFailureCode, error: string) =>
      tx.matchingRun.updateMany({
        where: { tenantId, id: row.id, status: "running", updatedAt: row.updatedAt },
        data: { status: "failed", failureCode, error, finishedAt: new Date() },
      }),
  },
  {
    table: "certificate_batches",
    read: (tx: TenantDb, tenantId: string) => tx.$queryRaw<UnderWayRow[]>`
      select w.id::text as id, w.status::text as status, w.updated_at as "updatedAt",
             (select e.failed_at from outbox_events e
               where e.job_name = 'certificates.generate' and e.payload->>'batchId' = w.id::text
               order by e.id desc limit 1) as "latestJobFailedAt"
        from certificate_batches w
       where w.tenant_id = ${tenantId}::uuid and w.status = 'generating'`,
    fail: (tx: TenantDb, tenantId: string, row: UnderWayRow, failureCode: WorkFailureCode, error: string) =>
      tx.certificateBatch.updateMany({
        where: { tenantId, id: row.id, status: "generating", updatedAt: row.updatedAt },
        data: { status: "failed", failureCode, error },
      }),
  },
  {
    table: "directory_imports",
    read: (tx: TenantDb, tenantId: string) => tx.$queryRaw<UnderWayRow[]>`
      select w.id::text as id, w.status, w.updated_at as "updatedAt",
             (select e.failed_at from outbox_events e
               where e.job_name in ('directory.validate', 'directory.apply')
                 and e.payload->>'importId' = w.id::text
               order by e.id desc limit 1) as "latestJobFailedAt"
        from directory_imports w
       where w.tenant_id = ${tenantId}::uuid and w.status in ('validating', 'applying')`,
    fail: (tx: TenantDb, tenantId: string, row: UnderWayRow, failureCode: WorkFailureCode, error: string) =>
      tx.directoryImport.updateMany({
        where: { tenantId, id: row.id, status: row.status, updatedAt: row.updatedAt },
        data: { status: "failed", failureCode, error },
      }),
  },
  {
    table: "cohort_report_runs",
    read: (tx: TenantDb, tenantId: string) => tx.$queryRaw<UnderWayRow[]>`
      select w.id::text as id, w.status::text as status, w.updated_at as "updatedAt",
             (select e.failed_at from outbox_events e
               where e.job_name = 'reports.cohort-report' and e.payload->>'runId' = w.id::text
               order by e.id desc limit 1) as "latestJobFailedAt"
        from cohort_report_runs w
       where w.tenant_id = ${tenantId}::uuid and w.status = 'generating'`,
    fail: (tx: TenantDb, tenantId: string, row: UnderWayRow, failureCode: WorkFailureCode, error: string) =>
      tx.cohortReportRun.updateMany({
        where: { tenantId, id: row.id, status: "generating", updatedAt: row.updatedAt },
        data: { status: "failed", failureCode, error },
      }),
  },
] as const;

/** The text kept in the row's `error` (for operators; the page shows the translated code). */
const errorOf = (code: WorkFailureCode, leaseMs: number) =>
  code === "job_failed"
    ? "its job failed for good (found by the stale-work sweep)"
    : `no progress for more than ${Math.round(leaseMs / 60_000)} minutes (found by the stale-work sweep)`;

/**
 * The last resort behind the final-failure handlers (which a dead worker or an unreachable database can
 * miss): finds matching runs, certificate batches, directory imports and report runs left under way whose newest job
 * failed for good, or which have not changed (`updated_at`, bumped by every progress write) for longer than
 * the lease, and marks them failed with the reason code the pages translate. Tenant by tenant.
 */
export function failStaleWorkAt(
  clock: () => Date,
  leaseMs = WORK_LEASE_MS,
): JobHandler<"maintenance.fail-stale-work"> {
  return async (_payload, { db, log, progress, signal }) => {
    const tenants = await db.platform.tenant.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    let failed = 0;
    for (const [index, { id: tenantId }] of tenants.entries()) {
      if (signal.aborted) break;
      const now = clock();
      failed += await db.withTenant(tenantId, async (tx) => {
        let count = 0;
        for (const kind of kinds) {
          // The newest outbox row for the work says whether the job now owed has failed; an older failed
          // job that was retried since does not count.
          const rows = await kind.read(tx, tenantId);
          for (const row of rows) {
            const code = staleWorkReason(row, now, leaseMs);
            if (!code) continue;
            const { count: marked } = await kind.fail(tx, tenantId, row, code, errorOf(code, leaseMs));
            if (marked > 0)
              log.warn({ tenantId, table: kind.table, id: row.id, code }, "stale work marked failed");
            count += marked;
          }
        }
        return count;
      });
      await progress(Math.round(((index + 1) / tenants.length) * 100));
    }
    return { tenants: tenants.length, failed };
  };
}

export const failStaleWork = failStaleWorkAt(() => new Date());
