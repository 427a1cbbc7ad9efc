import type { FileStorage } from "@mentoring/storage";
import type { Logger } from "./logger";

/**
 * Leftovers older than this are from a process that died: no write into storage takes an hour (the
 * largest, a batch's archive, takes seconds). Newer ones may be another worker's write in progress.
 */
export const INCOMPLETE_WRITE_MAX_AGE_MS = 3600_000;

/**
 * Removes the temporary files of writes that never finished (a worker or web process killed in the middle of
 * storing a certificate archive, a PDF or an upload), run once when the worker starts. A failure is logged
 * and does not stop the worker: the files are only wasted space.
 */
export async function sweepIncompleteWrites(storage: FileStorage, now: Date, log: Logger): Promise<number> {
  try {
    const removed = await storage.removeIncompleteWrites(undefined, {
      olderThan: new Date(now.getTime() - INCOMPLETE_WRITE_MAX_AGE_MS),
    });
    if (removed > 0) log.info({ removed }, "removed files left by writes that never finished");
    return removed;
  } catch (error) {
    log.warn({ err: error }, "could not sweep storage for files left by writes that never finished");
    return 0;
  }
}
