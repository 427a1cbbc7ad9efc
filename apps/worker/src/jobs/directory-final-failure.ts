import type { Database } from "@mentoring/db";
import type { Logger } from "../logger";

/**
 * When a directory job fails for good, an import still showing that job's work (`applying` or
 * `validating`: its worker died) or failed by the last attempt is marked failed because its job gave up,
 * with the reason: the import page says so and offers a retry.
 */
export function failUnfinishedImport(underWay: "applying" | "validating") {
  return async (
    { tenantId, importId }: { tenantId: string; importId: string },
    { db, log }: { db: Database; log: Logger },
    reason: string,
  ): Promise<void> => {
    const { count } = await db.withTenant(tenantId, (tx) =>
      tx.directoryImport.updateMany({
        where: { tenantId, id: importId, status: { in: [underWay, "failed"] } },
        data: { status: "failed", error: reason.slice(0, 2_000), failureCode: "job_failed" },
      }),
    );
    if (count > 0)
      log.warn({ importId, underWay, reason }, "directory import marked failed: its job failed for good");
  };
}
