import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import { isValidated } from "../apply-refusal";

/**
 * The administrator asks again for a failed import's work: one validated before it failed is applied again
 * with the choices it was asked with ("directory.apply"), any other is validated again from its uploaded file
 * ("directory.validate"). The import shows the work under way at once and the job is enqueued in the same
 * transaction, audited. Idempotent: an import that is not failed (a second press, which finds it under way
 * already) is left as it is and nothing is enqueued (`retried: false`).
 */
export async function retryDirectoryImport(
  tx: TenantDb,
  input: { tenantId: string; userId: string; importId: string; requestId?: string },
): Promise<{ retried: boolean }> {
  const { tenantId, importId } = input;
  const found = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
  if (!found) throw new AppError("directory.import_not_found");
  const work = isValidated(found.summary) ? ("applying" as const) : ("validating" as const);
  // Conditional, so that of two presses at once only one goes through: the other waits for its row lock
  // and then finds the import under way.
  const { count } = await tx.directoryImport.updateMany({
    where: { tenantId, id: importId, status: "failed" },
    data: { status: work, progress: 0, error: null, failureCode: null },
  });
  if (count === 0) return { retried: false };
  await enqueue(tx, work === "applying" ? "directory.apply" : "directory.validate", { tenantId, importId });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.userId,
    action: "directory_import.retry",
    entityType: "directory_import",
    entityId: importId,
    before: { status: "failed", failureCode: found.failureCode },
    after: { fileName: found.fileName, status: work },
    requestId: input.requestId,
  });
  return { retried: true };
}
