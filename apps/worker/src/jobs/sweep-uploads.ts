import { config } from "@mentoring/config";
import { LocalFileStorage } from "@mentoring/storage";
import { sweepAbandonedUploads } from "../storage-sweep";
import type { JobHandler } from "./handler";

/**
 * The nightly sweep of teams' uploads given up more than a day ago, as the worker also does when it starts:
 * a worker that runs for months would otherwise keep every abandoned video.
 */
export const sweepUploads: JobHandler<"maintenance.sweep-uploads"> = async (
  _payload,
  { db, log, progress },
) => {
  const removed = await sweepAbandonedUploads(
    db,
    new LocalFileStorage(config().STORAGE_DIR),
    new Date(),
    log,
  );
  await progress(100);
  return { removed };
};
