import { Prisma, type TenantDb } from "@mentoring/db";
import { staleWorkReason, WORK_LEASE_MS, type WorkFailureCode } from "@mentoring/domain";
import type { JobHandler } from "./handler";

/** A row showing work under way, with its last change and whether its newest job failed for good. */
interface UnderWayRow {
  id: string;
  status: string;
  updatedAt: Date;
  latestJobFailedAt: Date | null;
}

/** How a row is marked failed: only if it is still as it was read, so work that moved on in between is left alone. */
interface Failing {
  where: { tenantId: string; id: string; updatedAt: Date };
  data: { status: "failed"; failureCode: WorkFailureCode; error: string };
}

/**
 * Each kind of long work: its table, the jobs that do it (their outbox rows name the row by `payloadKey`),
 * the statuses that mean under way, and how to mark one of its rows failed.
 */
const kinds: {
  table: string;
  jobs: string[];
  payloadKey: string;
  underWay: string[];
  fail: (tx: TenantDb, row: UnderWayRow, failing: Failing) => Promise<{ count: number }>;
}[] = [
  {
    table: "matching_runs",
    jobs: ["matching.run"],
    payloadKey: "runId",
    underWay: ["running"],
    fail: (tx, _row, { where, data }) =>
      tx.matchingRun.updateMany({
        where: { ...where, status: "running" },
        data: { ...data, finishedAt: new Date() },
      }),
  },
  {
    table: "certificate_batches",
    jobs: ["certificates.generate"],
    payloadKey: "batchId",
    underWay: ["generating"],
    fail: (tx, _row, { where, data }) =>
      tx.certificateBatch.updateMany({ where: { ...where, status: "generating" }, data }),
  },
  {
    table: "directory_imports",
    jobs: ["directory.validate", "directory.apply"],
    payloadKey: "importId",
    underWay: ["validating", "applying"],
    fail: (tx, row, { where, data }) =>
      tx.directoryImport.updateMany({ where: { ...where, status: row.status }, data }),
  },
  {
    table: "cohort_report_runs",
    jobs: ["reports.cohort-report"],
    payloadKey: "runId",
    underWay: ["generating"],
    fail: (tx, _row, { where, data }) =>
      tx.cohortReportRun.updateMany({ where: { ...where, status: "generating" }, data }),
  },
];

/** A kind's rows under way, each with the newest outbox row of the jobs that do it. */
const underWay = (tx: TenantDb, tenantId: string, kind: (typeof kinds)[number]) => tx.$queryRaw<
  UnderWayRow[]
>`
  select w.id::text as id, w.status::text as status, w.updated_at as "updatedAt",
         (select e.failed_at from outbox_events e
           where e.job_name in (${Prisma.join(kind.jobs)}) and e.payload->>${kind.payloadKey} = w.id::text
           order by e.id desc limit 1) as "latestJobFailedAt"
    from ${Prisma.raw(kind.table)} w
   where w.tenant_id = ${tenantId}::uuid and w.status::text in (${Prisma.join(kind.underWay)})`;

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
          const rows = await underWay(tx, tenantId, kind);
          for (const row of rows) {
            const code = staleWorkReason(row, now, leaseMs);
            if (!code) continue;
            const { count: marked } = await kind.fail(tx, row, {
              where: { tenantId, id: row.id, updatedAt: row.updatedAt },
              data: { status: "failed", failureCode: code, error: errorOf(code, leaseMs) },
            });
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
