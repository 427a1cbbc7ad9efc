import type { Database } from "@mentoring/db";
import { isAppError } from "@mentoring/domain";
import { runMatching } from "@mentoring/programs";
import { UnrecoverableError } from "bullmq";
import type { Logger } from "../logger";
import type { JobHandler } from "./handler";

/**
 * Solves one matching run from its stored snapshot and stores the result, reporting the engine's progress
 * on the job as well as on the run (the page polls the run). Idempotent: a finished run is left as it is, a
 * run left "running" by a crashed worker is solved again. The engine yields to the event loop every few
 * tens of milliseconds, so BullMQ renews the job's lock while it works; a shutdown aborts the solve and the
 * job is retried.
 */
export const runMatchingJob: JobHandler<"matching.run"> = async (
  { tenantId, runId },
  { db, log, progress, signal },
) => {
  try {
    await runMatching(db, { tenantId, runId }, { onProgress: progress, signal });
  } catch (error) {
    if (isAppError(error, "matching.run_not_found"))
      throw new UnrecoverableError(`matching run ${runId} not found`);
    throw error;
  }
  const run = await db.withTenant(tenantId, (tx) =>
    tx.matchingRun.findFirst({
      where: { tenantId, id: runId },
      select: { status: true, objective: true, gap: true, error: true },
    }),
  );
  if (run?.status === "failed") log.warn({ runId, error: run.error }, "matching run failed");
  else log.info({ runId, objective: run?.objective, gap: run?.gap }, "matching run solved");
  return { status: run?.status ?? null };
};

/**
 * When the run's job fails for good, a run still queued or running is marked failed with the reason: the
 * matching page then says the run failed and lets the coordinator start another.
 */
export async function failUnfinishedMatchingRun(
  { tenantId, runId }: { tenantId: string; runId: string },
  { db, log }: { db: Database; log: Logger },
  reason: string,
): Promise<void> {
  const { count } = await db.withTenant(tenantId, (tx) =>
    tx.matchingRun.updateMany({
      where: { tenantId, id: runId, status: { in: ["queued", "running"] } },
      data: {
        status: "failed",
        error: reason.slice(0, 2_000),
        failureCode: "job_failed",
        finishedAt: new Date(),
      },
    }),
  );
  if (count > 0) log.warn({ runId, reason }, "matching run marked failed: its job failed for good");
}
