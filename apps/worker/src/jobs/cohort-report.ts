import { config } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { isAppError } from "@mentoring/domain";
import { generateCohortReport } from "@mentoring/programs";
import { UnrecoverableError } from "bullmq";
import type { Logger } from "../logger";
import type { JobHandler } from "./handler";

/**
 * Makes one run of a cohort's final report (its PDF and workbook) into storage (STORAGE_DIR), reporting
 * progress on the job as well as on the run (the report page polls the run). Idempotent: a ready run is
 * left alone, and files already stored for the same data are used as they are. A run that does not exist
 * is not retried; any other failure is recorded on the run and retried by BullMQ.
 */
export const cohortReportJob: JobHandler<"reports.cohort-report"> = async (
  { tenantId, runId },
  { db, log, progress, signal },
) => {
  try {
    const result = await generateCohortReport(
      db,
      { tenantId, runId, storageDir: config().STORAGE_DIR, now: new Date() },
      { onProgress: progress, signal },
    );
    log.info({ runId, ...result }, "cohort report made");
    return result;
  } catch (error) {
    if (isAppError(error, "report.run_not_found"))
      throw new UnrecoverableError(`cohort report run ${runId} not found`);
    if (!signal.aborted) log.warn({ runId, error: (error as Error).message }, "cohort report failed");
    throw error;
  }
};

/** When the run's job fails for good, a run still generating is marked failed because its job gave up. */
export async function failUnfinishedCohortReport(
  { tenantId, runId }: { tenantId: string; runId: string },
  { db, log }: { db: Database; log: Logger },
  reason: string,
): Promise<void> {
  const { count } = await db.withTenant(tenantId, (tx) =>
    tx.cohortReportRun.updateMany({
      where: { tenantId, id: runId, status: { in: ["generating", "failed"] } },
      data: { status: "failed", error: reason.slice(0, 2_000), failureCode: "job_failed" },
    }),
  );
  if (count > 0) log.warn({ runId, reason }, "cohort report run marked failed: its job failed for good");
}
