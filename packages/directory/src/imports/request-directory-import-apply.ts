import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import { applyRefusal, isValidated } from "../apply-refusal";

export interface ApplyRequest {
  tenantId: string;
  userId: string;
  importId: string;
  createMissingDepartments: boolean;
  /** Only a full import deactivates anyone, and only when asked. */
  deactivateMissing: boolean;
  requestId: string;
}

/**
 * Asks for an import to be applied with the administrator's choices: the apply job is enqueued, the
 * import shows `applying` at once (so a second click is refused), and who asked, with which choices, is
 * audited in the same transaction. Refused while the import is not validated or not in a state to apply
 * (directory.not_ready), and while departments it names are missing and may not be created
 * (directory.unknown_departments).
 */
export async function requestDirectoryImportApply(tx: TenantDb, input: ApplyRequest): Promise<void> {
  const { tenantId, importId } = input;
  const found = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
  if (!found) throw new AppError("directory.import_not_found");
  if (!(found.status === "ready" || found.status === "failed") || !isValidated(found.summary))
    throw new AppError("directory.not_ready");
  const choices = {
    createMissingDepartments: input.createMissingDepartments,
    deactivateMissing: found.full && input.deactivateMissing,
  };
  if (applyRefusal({ ...found, ...choices })) throw new AppError("directory.unknown_departments");
  // Conditional, so of two clicks at once only one goes through.
  const claimed = await tx.directoryImport.updateMany({
    where: { tenantId, id: importId, status: found.status },
    data: { ...choices, status: "applying", progress: 0, error: null, failureCode: null },
  });
  if (claimed.count === 0) throw new AppError("directory.not_ready");
  await enqueue(tx, "directory.apply", { tenantId, importId });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.userId,
    action: "directory_import.apply_requested",
    entityType: "directory_import",
    entityId: importId,
    after: { fileName: found.fileName, full: found.full, ...choices },
    requestId: input.requestId,
  });
}
