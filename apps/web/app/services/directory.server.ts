import { randomUUID } from "node:crypto";
import { recordAudit } from "@mentoring/db";
import {
  applyRefusal,
  detectFormat,
  type FileError,
  type ImportSummary,
  importSummaryOf,
  isValidated,
  type RowProblem,
  uploadKey,
} from "@mentoring/directory";
import { enqueue } from "@mentoring/jobs";
import { LocalFileStorage } from "@mentoring/storage";
import type { Services } from "./services.server";

/** The largest directory file accepted, by the upload form and the API alike. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Invalid rows listed on the import page; the count says how many there are in all. */
export const INVALID_ROWS_SHOWN = 300;

export type UploadProblem = "noFile" | "tooLarge" | "unsupported";

/**
 * Stores an uploaded directory file and creates its import, with the validation job enqueued in the same
 * transaction (so the job exists if and only if the import does). The file is written first and removed
 * again if the transaction fails.
 */
export async function createImport(
  services: Services,
  {
    tenantId,
    userId,
    fileName,
    bytes,
    full,
    applyWhenValid = false,
    createMissingDepartments = false,
    deactivateMissing = false,
  }: {
    tenantId: string;
    userId: string | null;
    fileName: string;
    bytes: Uint8Array;
    full: boolean;
    applyWhenValid?: boolean;
    createMissingDepartments?: boolean;
    deactivateMissing?: boolean;
  },
): Promise<{ ok: true; importId: string } | { ok: false; problem: UploadProblem }> {
  if (bytes.length === 0) return { ok: false, problem: "noFile" };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, problem: "tooLarge" };
  const format = detectFormat(bytes.subarray(0, 8), fileName);
  if (!format) return { ok: false, problem: "unsupported" };
  const importId = randomUUID();
  const key = uploadKey(tenantId, importId);
  const storage = new LocalFileStorage(services.config.STORAGE_DIR);
  await storage.put(key, bytes);
  try {
    await services.db.withTenant(tenantId, async (tx) => {
      await tx.directoryImport.create({
        data: {
          id: importId,
          tenantId,
          uploadedByUserId: userId,
          fileName: fileName.slice(0, 255),
          format,
          full,
          createMissingDepartments,
          deactivateMissing: full && deactivateMissing,
          summary: applyWhenValid ? { request: { applyWhenValid: true } } : {},
        },
      });
      await enqueue(tx, "directory.validate", { tenantId, importId });
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  return { ok: true, importId };
}

/** The directory page: how many people the directory holds, and the latest imports. */
export async function directoryOverview(services: Services, tenantId: string) {
  return services.db.withTenant(tenantId, async (tx) => {
    const [activeStaff, imports] = await Promise.all([
      tx.staffMember.count({ where: { tenantId, active: true } }),
      tx.directoryImport.findMany({
        where: { tenantId },
        orderBy: { createdAt: "desc" },
        take: 20,
        select: {
          id: true,
          fileName: true,
          status: true,
          full: true,
          totalRows: true,
          createdAt: true,
          appliedAt: true,
        },
      }),
    ]);
    return { activeStaff, imports };
  });
}

export interface InvalidRow {
  rowNumber: number;
  employeeNumber: string | null;
  name: string | null;
  problems: RowProblem[];
}

/** One import as its page and the API show it; null when the tenant has no such import. */
export async function importDetail(services: Services, tenantId: string, importId: string) {
  return services.db.withTenant(tenantId, async (tx) => {
    const found = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
    if (!found) return null;
    const invalid = await tx.directoryImportRow.findMany({
      where: { tenantId, importId, action: "invalid" },
      orderBy: { rowNumber: "asc" },
      take: INVALID_ROWS_SHOWN,
      select: { rowNumber: true, data: true, errors: true },
    });
    const activeStaff = await tx.staffMember.count({ where: { tenantId, active: true } });
    const summary: ImportSummary = importSummaryOf(found.summary);
    const display = (data: unknown) => (data as { display?: Record<string, string> }).display ?? {};
    return {
      id: found.id,
      fileName: found.fileName,
      format: found.format,
      encoding: found.encoding,
      full: found.full,
      status: found.status,
      progress: found.progress,
      error: found.error,
      totalRows: found.totalRows,
      createdAt: found.createdAt,
      appliedAt: found.appliedAt,
      createMissingDepartments: found.createMissingDepartments,
      deactivateMissing: found.deactivateMissing,
      counts: summary.counts ?? null,
      applied: summary.applied ?? null,
      fileErrors: summary.fileErrors ?? ([] as FileError[]),
      unknownDepartments: summary.unknownDepartments ?? [],
      unknownDepartmentCount: summary.unknownDepartmentCount ?? 0,
      activeStaff,
      invalidRows: invalid.map(
        (row): InvalidRow => ({
          rowNumber: row.rowNumber,
          employeeNumber: display(row.data).employeeNumber ?? null,
          name: display(row.data).name ?? null,
          problems: row.errors as unknown as RowProblem[],
        }),
      ),
      mayApply: (found.status === "ready" || found.status === "failed") && isValidated(found.summary),
    };
  });
}

export type ApplyProblem = "notReady" | "unknownDepartments";

/**
 * Asks for an import to be applied with the administrator's choices: the apply job is enqueued, the
 * import shows `applying` at once (so a second click does nothing), and who asked, with which choices,
 * is audited in the same transaction. Deactivating people needs a full import and the explicit choice.
 */
export async function requestApply(
  services: Services,
  {
    tenantId,
    userId,
    importId,
    createMissingDepartments,
    deactivateMissing,
    requestId,
  }: {
    tenantId: string;
    userId: string;
    importId: string;
    createMissingDepartments: boolean;
    deactivateMissing: boolean;
    requestId: string;
  },
): Promise<{ ok: true } | { ok: false; problem: ApplyProblem } | null> {
  return services.db.withTenant(tenantId, async (tx) => {
    const found = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
    if (!found) return null;
    if (!(found.status === "ready" || found.status === "failed") || !isValidated(found.summary))
      return { ok: false as const, problem: "notReady" as const };
    const choices = { createMissingDepartments, deactivateMissing: found.full && deactivateMissing };
    if (applyRefusal({ ...found, ...choices }))
      return { ok: false as const, problem: "unknownDepartments" as const };
    // Conditional, so of two clicks at once only one goes through.
    const claimed = await tx.directoryImport.updateMany({
      where: { tenantId, id: importId, status: found.status },
      data: { ...choices, status: "applying", progress: 0, error: null },
    });
    if (claimed.count === 0) return { ok: false as const, problem: "notReady" as const };
    await enqueue(tx, "directory.apply", { tenantId, importId });
    await recordAudit(tx, {
      tenantId,
      actorUserId: userId,
      action: "directory_import.apply_requested",
      entityType: "directory_import",
      entityId: importId,
      after: { fileName: found.fileName, full: found.full, ...choices },
      requestId,
    });
    return { ok: true as const };
  });
}
