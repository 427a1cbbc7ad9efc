import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import { requireCohort, UUID } from "../records/certificate-cohort";

/**
 * The coordinator asks again for a failed batch's files: the batch shows generating at once and
 * "certificates.generate" is enqueued in the same transaction, audited. Idempotent: a batch that is not
 * failed (a second press, which finds it generating already) is left as it is and nothing is enqueued
 * (`retried: false`). A batch not yet signed is certificate.not_signed.
 */
export async function retryCertificateBatch(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; batchId: string; actorUserId: string; requestId?: string },
): Promise<{ retried: boolean }> {
  const { tenantId, cohortId, batchId, actorUserId, requestId } = input;
  if (!UUID.test(batchId)) throw new AppError("certificate.batch_not_found");
  await requireCohort(tx, tenantId, cohortId);
  const batch = await tx.certificateBatch.findFirst({
    where: { tenantId, id: batchId, cohortId },
    select: { id: true, status: true, failureCode: true },
  });
  if (!batch) throw new AppError("certificate.batch_not_found");
  if (batch.status === "draft") throw new AppError("certificate.not_signed");
  // Conditional, so that of two presses at once only one goes through: the other waits for its row lock
  // and then finds the batch generating.
  const { count } = await tx.certificateBatch.updateMany({
    where: { tenantId, id: batchId, status: "failed" },
    data: { status: "generating", progress: 0, error: null, failureCode: null },
  });
  if (count === 0) return { retried: false };
  await enqueue(tx, "certificates.generate", { tenantId, batchId });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "certificate_batch.retry",
    entityType: "certificate_batch",
    entityId: batchId,
    before: { status: "failed", failureCode: batch.failureCode },
    after: { cohortId, status: "generating" },
    requestId,
  });
  return { retried: true };
}
