import { config } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { isAppError } from "@mentoring/domain";
import { generateCertificateBatch } from "@mentoring/programs";
import { UnrecoverableError } from "bullmq";
import type { Logger } from "../logger";
import type { JobHandler } from "./handler";

/**
 * Renders a signed certificate batch's PDFs and its ZIP into storage (STORAGE_DIR), reporting progress on
 * the job as well as on the batch (the page polls the batch). Idempotent: stored files that match their
 * certificate are left alone, so a retry or a rerun after a fix renders only what changed. A batch that
 * does not exist is not retried; any other failure is recorded on the batch and retried by BullMQ.
 */
export const generateCertificatesJob: JobHandler<"certificates.generate"> = async (
  { tenantId, batchId },
  { db, log, progress, signal },
) => {
  const settings = config();
  try {
    await generateCertificateBatch(
      db,
      {
        tenantId,
        batchId,
        storageDir: settings.STORAGE_DIR,
        appUrl: settings.APP_URL,
        encryptionKey: settings.DATA_ENCRYPTION_KEY,
      },
      { onProgress: progress, signal },
    );
  } catch (error) {
    if (isAppError(error, "certificate.batch_not_found"))
      throw new UnrecoverableError(`certificate batch ${batchId} not found`);
    if (!signal.aborted) log.warn({ batchId, error: (error as Error).message }, "certificate batch failed");
    throw error;
  }
  const batch = await db.withTenant(tenantId, (tx) =>
    tx.certificateBatch.findFirst({
      where: { tenantId, id: batchId },
      select: { status: true, _count: { select: { certificates: true } } },
    }),
  );
  log.info(
    { batchId, status: batch?.status, certificates: batch?._count.certificates },
    "certificates generated",
  );
  return { status: batch?.status ?? null };
};

/**
 * When the batch's job fails for good, a batch still generating (its worker died) or failed by the last
 * attempt is marked failed because its job gave up, with the reason: the page says so and offers a retry.
 */
export async function failUnfinishedCertificateBatch(
  { tenantId, batchId }: { tenantId: string; batchId: string },
  { db, log }: { db: Database; log: Logger },
  reason: string,
): Promise<void> {
  const { count } = await db.withTenant(tenantId, (tx) =>
    tx.certificateBatch.updateMany({
      where: { tenantId, id: batchId, status: { in: ["generating", "failed"] } },
      data: { status: "failed", error: reason.slice(0, 2_000), failureCode: "job_failed" },
    }),
  );
  if (count > 0) log.warn({ batchId, reason }, "certificate batch marked failed: its job failed for good");
}
