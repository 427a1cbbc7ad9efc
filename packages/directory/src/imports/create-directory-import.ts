import { randomUUID } from "node:crypto";
import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import type { FileStorage } from "@mentoring/storage";
import { detectFormat } from "../read-file";
import { uploadKey } from "../upload-key";

/** The largest directory file accepted, by the upload form and the API alike. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

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
}

/**
 * Stores an uploaded directory file and creates its import, with the validation job enqueued in the same
 * transaction (so the job exists if and only if the import does). The file is written first and removed
 * again if the transaction fails. Refuses an empty, too large or unreadable file (directory.no_file,
 * directory.too_large, directory.unsupported_format).
 */
export async function createDirectoryImport(
  db: Database,
  input: NewDirectoryImport,
): Promise<{ importId: string }> {
  const { tenantId, bytes, full, storage } = input;
  if (bytes.length === 0) throw new AppError("directory.no_file");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError("directory.too_large");
  const format = detectFormat(bytes.subarray(0, 8), input.fileName);
  if (!format) throw new AppError("directory.unsupported_format");
  const importId = randomUUID();
  const key = uploadKey(tenantId, importId);
  await storage.put(key, bytes);
  try {
    await db.withTenant(tenantId, async (tx) => {
      await tx.directoryImport.create({
        data: {
          id: importId,
          tenantId,
          uploadedByUserId: input.userId,
          fileName: input.fileName.slice(0, 255),
          format,
          full,
          createMissingDepartments: input.createMissingDepartments ?? false,
          deactivateMissing: full && (input.deactivateMissing ?? false),
          summary: input.applyWhenValid ? { request: { applyWhenValid: true } } : {},
        },
      });
      await enqueue(tx, "directory.validate", { tenantId, importId });
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  return { importId };
}
