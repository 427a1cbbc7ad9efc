import { randomUUID } from "node:crypto";
import type { Database } from "@mentoring/db";
import { AppError, LARGEST_DIRECTORY_IMPORT_BYTES } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import type { FileStorage } from "@mentoring/storage";
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
}

/**
 * Stores an uploaded directory file and creates its import, with the validation job enqueued in the same
 * transaction (so the job exists if and only if the import does). The file is written first and removed
 * again if the transaction fails. Refuses an empty file (directory.no_file), one larger than the
 * tenant's plan takes (directory.too_large, with the limit) and one that is neither CSV nor a workbook
 * (directory.unsupported_format).
 */
export async function createDirectoryImport(
  db: Database,
  input: NewDirectoryImport,
): Promise<{ importId: string }> {
  const { tenantId, bytes, full, storage } = input;
  if (bytes.length === 0) throw new AppError("directory.no_file");
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
