import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { removeAbandonedUploads, UPLOADS_IN_PROGRESS } from "@mentoring/programs";
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

/** The worker's temporary folder, inside STORAGE_DIR (a name no storage key can take: keys never start with "."). */
export const TEMPORARY_FOLDER = ".tmp";

/**
 * Makes the worker's temporary files go under STORAGE_DIR instead of the OS's temporary folder, and removes
 * those older than an hour (left by a killed worker). The reader of XLSX imports (exceljs) spills a
 * worksheet that comes before the workbook's shared strings (as in every file exceljs itself writes) to a
 * temporary file through os.tmpdir(), and offers no option for where: so the process's TMPDIR (TMP and TEMP
 * on Windows), which os.tmpdir() reads at every call, points into STORAGE_DIR. Uploaded directories hold
 * personal data; they stay in the one folder that is backed up, access-controlled and swept.
 */
export async function keepTemporaryFilesInStorage(
  storageDir: string,
  now: Date,
  log: Logger,
): Promise<string> {
  const folder = path.resolve(storageDir, TEMPORARY_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const before = now.getTime() - INCOMPLETE_WRITE_MAX_AGE_MS;
  let removed = 0;
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (!info || info.mtimeMs >= before) continue;
    await rm(file, { recursive: true, force: true });
    removed++;
  }
  if (removed > 0) log.info({ removed, folder }, "removed temporary files left by an earlier worker");
  process.env.TMPDIR = folder;
  process.env.TMP = folder;
  process.env.TEMP = folder;
  return folder;
}

/** An upload unfinished, or finished and never attached, for this long was given up (ADR 0018). */
export const ABANDONED_UPLOAD_AGE_MS = 24 * 3600_000;

/**
 * Removes teams' uploads given up more than a day ago, when the worker starts and nightly
 * (maintenance.sweep-uploads): resumable uploads
 * never finished (their bytes in the uploads folder) and files uploaded for a form that was never saved
 * (their rows, files and thumbnails, tenant by tenant). A failure is logged and does not stop the worker.
 */
export async function sweepAbandonedUploads(
  db: Database,
  storage: FileStorage,
  now: Date,
  log: Logger,
): Promise<number> {
  try {
    const olderThan = new Date(now.getTime() - ABANDONED_UPLOAD_AGE_MS);
    let removed = await storage.removeOlderThan(UPLOADS_IN_PROGRESS, olderThan);
    const tenants = await db.platform.tenant.findMany({ select: { id: true } });
    for (const { id } of tenants)
      removed += await db.withTenant(id, (tx) =>
        removeAbandonedUploads(tx, { tenantId: id, storage, olderThan }),
      );
    if (removed > 0) log.info({ removed }, "removed uploads given up more than a day ago");
    return removed;
  } catch (error) {
    log.warn({ err: error }, "could not sweep uploads given up");
    return 0;
  }
}
