import { randomUUID } from "node:crypto";
import { type Database, isUniqueViolation } from "@mentoring/db";
import { AppError, LARGEST_DIRECTORY_IMPORT_BYTES } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import type { FileStorage } from "@mentoring/storage";
import { IDEMPOTENCY_WINDOW_MS, importRequestFingerprint } from "../idempotency";
import { detectFormat } from "../read-file";
import { uploadKey } from "../upload-key";
import { getDirectoryImportLimits } from "./get-directory-import-limits";

const MiB = 1024 * 1024;

/** The largest directory file any plan accepts, by the upload form and the API alike. */
export const MAX_UPLOAD_BYTES = LARGEST_DIRECTORY_IMPORT_BYTES;

export interface NewDirectoryImport {
  tenantId: string;
  /** Null when an HR system posted the file through the API. */
  userId: string | null;
  fileName: string;
  bytes: Uint8Array;
  /** A full import: people missing from it may be deactivated when it is applied. */
  full: boolean;
  applyWhenValid?: boolean;
  createMissingDepartments?: boolean;
  deactivateMissing?: boolean;
  storage: FileStorage;
  /**
   * An API client's Idempotency-Key (already checked by isValidIdempotencyKey). A request with a key seen
   * within 24 hours creates nothing: it answers the first request's import, or is refused when it asks
   * for something else under the key.
   */
  idempotencyKey?: string;
  /** The clock the 24 hours are counted on. */
  now?: Date;
}

export interface CreatedDirectoryImport {
  importId: string;
  /** True when an earlier request with the same Idempotency-Key created the import. */
  replayed: boolean;
}

/** How long a keyed request waits for another one with its key to commit before it is answered 409. */
const KEY_LOCK_WAIT = "3s";
/** What a 409 for a key still in flight tells the client to wait (Retry-After). */
const IN_FLIGHT_RETRY_SECONDS = 2;

/**
 * Stores an uploaded directory file and creates its import, with the validation job enqueued in the same
 * transaction (so the job exists if and only if the import does). The file is written first and removed
 * again if the transaction fails. Refuses an empty file (directory.no_file), one larger than the
 * tenant's plan takes (directory.too_large, with the limit) and one that is neither CSV nor a workbook
 * (directory.unsupported_format).
 *
 * With an Idempotency-Key, the key and the request's fingerprint are stored on the import row, whose
 * unique (tenant, key) index makes the insert itself the arbiter: of two requests racing with one key,
 * the second waits for the first's transaction and, once it committed, answers its import
 * (directory.idempotency_key_reused when the fingerprints differ); if the first has not committed within
 * a few seconds, directory.idempotency_key_in_flight (409, Retry-After).
 */
export async function createDirectoryImport(
  db: Database,
  input: NewDirectoryImport,
): Promise<CreatedDirectoryImport> {
  const { tenantId, bytes, full, storage, idempotencyKey } = input;
  if (bytes.length === 0) throw new AppError("directory.no_file");
  const deactivateMissing = full && (input.deactivateMissing ?? false);
  const keyed = idempotencyKey
    ? {
        key: idempotencyKey,
        fingerprint: importRequestFingerprint({
          fileName: input.fileName.slice(0, 255),
          bytes,
          full,
          applyWhenValid: input.applyWhenValid ?? false,
          createMissingDepartments: input.createMissingDepartments ?? false,
          deactivateMissing,
        }),
        since: new Date((input.now ?? new Date()).getTime() - IDEMPOTENCY_WINDOW_MS),
      }
    : null;
  if (keyed) {
    const earlier = await findKeyedImport(db, tenantId, keyed);
    if (earlier) return earlier;
  }
  const { maxBytes } = await db.withTenant(tenantId, (tx) => getDirectoryImportLimits(tx, { tenantId }));
  if (bytes.length > maxBytes)
    throw new AppError("directory.too_large", { maxBytes, maxMegabytes: Math.floor(maxBytes / MiB) });
  const format = detectFormat(bytes.subarray(0, 8), input.fileName);
  // No CSV in UTF-8 or CP949 holds a NUL byte (a UTF-16 text file or a binary file named .csv does).
  if (!format || (format === "csv" && bytes.includes(0))) throw new AppError("directory.unsupported_format");
  const importId = randomUUID();
  const key = uploadKey(tenantId, importId);
  await storage.put(key, bytes);
  try {
    await db.withTenant(tenantId, async (tx) => {
      if (keyed) {
        await tx.$executeRaw`select set_config('lock_timeout', ${KEY_LOCK_WAIT}, true)`;
        // A key older than its 24 hours stands for nothing: its import lets go of it, and this one takes it.
        await tx.directoryImport.updateMany({
          where: { tenantId, idempotencyKey: keyed.key, createdAt: { lt: keyed.since } },
          data: { idempotencyKey: null, requestFingerprint: null },
        });
      }
      await tx.directoryImport.create({
        data: {
          id: importId,
          tenantId,
          uploadedByUserId: input.userId,
          fileName: input.fileName.slice(0, 255),
          format,
          full,
          createMissingDepartments: input.createMissingDepartments ?? false,
          deactivateMissing,
          summary: input.applyWhenValid ? { request: { applyWhenValid: true } } : {},
          idempotencyKey: keyed?.key ?? null,
          requestFingerprint: keyed?.fingerprint ?? null,
        },
      });
      await enqueue(tx, "directory.validate", { tenantId, importId });
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    if (keyed && isUniqueViolation(error)) {
      // Another request with the key committed first: this one is its retry (or a misuse of the key).
      const earlier = await findKeyedImport(db, tenantId, keyed);
      if (earlier) return earlier;
    }
    if (keyed && (isUniqueViolation(error) || isLockTimeout(error)))
      throw new AppError(
        "directory.idempotency_key_in_flight",
        {},
        { retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS },
      );
    throw error;
  }
  return { importId, replayed: false };
}

/** The import an earlier request with the key created within the window, if any, as its answer. */
async function findKeyedImport(
  db: Database,
  tenantId: string,
  keyed: { key: string; fingerprint: string; since: Date },
): Promise<CreatedDirectoryImport | null> {
  const earlier = await db.withTenant(tenantId, (tx) =>
    tx.directoryImport.findFirst({
      where: { tenantId, idempotencyKey: keyed.key, createdAt: { gte: keyed.since } },
      select: { id: true, requestFingerprint: true },
    }),
  );
  if (!earlier) return null;
  if (earlier.requestFingerprint !== keyed.fingerprint)
    throw new AppError("directory.idempotency_key_reused");
  return { importId: earlier.id, replayed: true };
}

/** The insert met the (tenant, idempotency key) index: the only unique one a fresh random id can meet. */

/** PostgreSQL's lock_not_available (55P03): the other request's transaction held the key too long. */
function isLockTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, meta, cause } = current as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
      cause?: unknown;
    };
    const adapter = meta?.driverAdapterError?.cause;
    if (code === "55P03" || adapter?.originalCode === "55P03" || adapter?.code === "55P03") return true;
    current = cause;
  }
  return false;
}
