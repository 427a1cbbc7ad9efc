import { applyImport, ImportNotFoundError, markImportFailed } from "@mentoring/directory";
import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

/**
 * Applies a validated directory import in one transaction (packages/directory). An applied import is
 * left alone; an import that may not be applied (invalid, not validated, unknown departments not to be
 * created) is refused without writing anything. An unexpected failure rolls the transaction back, is
 * recorded on the import (status failed, with the reason) and rethrown for BullMQ to retry.
 */
export const applyDirectoryImport: JobHandler<"directory.apply"> = async (
  { tenantId, importId },
  { db, log, progress, signal },
) => {
  try {
    const outcome = await applyImport(db, { tenantId, importId }, { onProgress: progress, signal });
    if (outcome.status === "refused") log.warn({ importId, reason: outcome.reason }, "import not applied");
    else log.info({ importId, ...outcome }, "directory import applied");
    return outcome;
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof ImportNotFoundError) throw new UnrecoverableError(error.message);
    await markImportFailed(db, { tenantId, importId }, error);
    throw error;
  }
};
