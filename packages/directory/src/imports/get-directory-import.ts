import type { TenantDb } from "@mentoring/db";
import { AppError, workFailureCodes } from "@mentoring/domain";
import { isValidated } from "../apply-refusal";
import type { FileError } from "../columns";
import { countActiveStaff } from "../count-active-staff";
import { importSummaryOf } from "../summary";
import type { RowProblem } from "../validate-row";

/** Invalid rows listed with an import; its counts say how many there are in all. */
export const INVALID_ROWS_SHOWN = 300;

export interface InvalidRow {
  rowNumber: number;
  employeeNumber: string | null;
  name: string | null;
  problems: RowProblem[];
}

/**
 * One import as its page and the API show it: progress, counts, file errors and the first invalid rows.
 * Another tenant's import, or none, is directory.import_not_found.
 */
export async function getDirectoryImport(
  tx: TenantDb,
  { tenantId, importId }: { tenantId: string; importId: string },
) {
  const found = await tx.directoryImport.findFirst({ where: { tenantId, id: importId } });
  if (!found) throw new AppError("directory.import_not_found");
  const [invalid, activeStaff] = await Promise.all([
    tx.directoryImportRow.findMany({
      where: { tenantId, importId, action: "invalid" },
      orderBy: { rowNumber: "asc" },
      take: INVALID_ROWS_SHOWN,
      select: { rowNumber: true, data: true, errors: true },
    }),
    countActiveStaff(tx, { tenantId }),
  ]);
  const summary = importSummaryOf(found.summary);
  const display = (data: unknown) => (data as { display?: Record<string, string> }).display ?? {};
  return {
    id: found.id,
    fileName: found.fileName,
    format: found.format,
    encoding: found.encoding,
    full: found.full,
    status: found.status,
    progress: found.progress,
    /** The raw reason, for the API and operators; the page words `failureCode` instead. */
    error: found.error,
    failureCode: workFailureCodes.find((code) => code === found.failureCode) ?? null,
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
}

export type DirectoryImportDetail = Awaited<ReturnType<typeof getDirectoryImport>>;
