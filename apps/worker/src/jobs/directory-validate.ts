import { config } from "@mentoring/config";
import {
  ImportNotFoundError,
  markImportFailed,
  UploadMissingError,
  validateImport,
} from "@mentoring/directory";
import { enqueue } from "@mentoring/jobs";
import { type FileStorage, LocalFileStorage } from "@mentoring/storage";
import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

/**
 * Reads an uploaded directory file and validates it into rows (packages/directory). Re-running it for an
 * import already validated changes nothing. An unexpected failure is recorded on the import (status
 * failed, with the reason) and rethrown for BullMQ to retry; a retry starts the validation over.
 */
export function validateDirectoryImportWith(storage: () => FileStorage): JobHandler<"directory.validate"> {
  return async ({ tenantId, importId }, { db, log, progress, signal }) => {
    try {
      const outcome = await validateImport(
        db,
        storage(),
        { tenantId, importId },
        {
          onProgress: progress,
          signal,
          // Uploaded with "apply when valid" (API ?apply=true): the apply job is enqueued as it turns valid.
          enqueueApply: (tx) => enqueue(tx, "directory.apply", { tenantId, importId }),
        },
      );
      if (outcome.status === "skipped") {
        log.info({ importId, status: outcome.current }, "import already validated");
        return { skipped: true, status: outcome.current };
      }
      log.info({ importId, status: outcome.status, rows: outcome.totalRows }, "directory import validated");
      return { status: outcome.status };
    } catch (error) {
      if (signal.aborted) throw error; // released to the waiting list: it starts over, it did not fail
      if (error instanceof ImportNotFoundError) throw new UnrecoverableError(error.message);
      await markImportFailed(db, { tenantId, importId }, error);
      // The file is gone: no retry will bring it back.
      if (error instanceof UploadMissingError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}

// Read when the job runs, so the configuration is read once the process has started.
export const validateDirectoryImport = validateDirectoryImportWith(
  () => new LocalFileStorage(config().STORAGE_DIR),
);
