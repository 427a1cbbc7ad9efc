import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { safeFileName } from "../records/certificate-content";

const CONTENT_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * The storage key, file name and type of a ready report run's PDF or workbook (coordinator).
 * report.run_not_found when the run is not the cohort's in this tenant; report.not_ready before its files
 * are made (or when it failed).
 */
export async function getCohortReportFile(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; runId: string; format: "pdf" | "xlsx" },
): Promise<{ storageKey: string; fileName: string; contentType: string }> {
  const { tenantId, cohortId, runId, format } = input;
  if (!UUID.test(runId) || !UUID.test(cohortId)) throw new AppError("report.run_not_found");
  const run = await tx.cohortReportRun.findFirst({
    where: { tenantId, cohortId, id: runId },
    select: { status: true, pdfKey: true, xlsxKey: true, cohort: { select: { title: true } } },
  });
  if (!run) throw new AppError("report.run_not_found");
  const storageKey = format === "pdf" ? run.pdfKey : run.xlsxKey;
  if (run.status !== "ready" || !storageKey) throw new AppError("report.not_ready");
  return {
    storageKey,
    fileName: safeFileName(`${run.cohort.title} 결과보고서.${format}`),
    contentType: CONTENT_TYPES[format],
  };
}
