import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import {
  buildCohortReportXlsx,
  cohortReportDataHash,
  type ReportLocale,
  renderCohortReportPdf,
} from "@mentoring/reports";
import { LocalFileStorage } from "@mentoring/storage";
import { UUID } from "../records/certificate-cohort";
import { reportFileKeys } from "../records/report-files";
import { getCohortReportData } from "./get-cohort-report-data";

/**
 * The worker's part of a report run: reads the cohort's report data as of `now`, and stores its PDF and
 * workbook under keys made of the data's hash (records/report-files.ts), reporting progress on the run.
 * Idempotent: a ready run is left as it is; when the files for this data are already stored (an earlier
 * run, or an attempt that died after writing them), they are used as they are and nothing is rendered.
 * A run that is not the tenant's is report.run_not_found (retrying cannot help). On failure the run is
 * marked failed with the reason and the error rethrown; a shutdown (signal) leaves it for the retry.
 */
export async function generateCohortReport(
  db: Database,
  input: { tenantId: string; runId: string; storageDir: string; now: Date },
  options: { onProgress?: (percent: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<{ status: "ready"; rendered: boolean } | { status: "already_ready" }> {
  const { tenantId, runId, storageDir, now } = input;
  if (!UUID.test(runId)) throw new AppError("report.run_not_found");
  const run = await db.withTenant(tenantId, (tx) =>
    tx.cohortReportRun.findFirst({
      where: { tenantId, id: runId },
      select: { id: true, cohortId: true, status: true, locale: true },
    }),
  );
  if (!run) throw new AppError("report.run_not_found");
  if (run.status === "ready") return { status: "already_ready" };

  const progress = async (percent: number) => {
    await db.withTenant(tenantId, (tx) =>
      tx.cohortReportRun.updateMany({
        where: { tenantId, id: runId },
        data: {
          progress: percent,
          ...(percent === 0 && { status: "generating", error: null, failureCode: null }),
        },
      }),
    );
    await options.onProgress?.(percent);
  };
  const stopIfAsked = () => {
    if (options.signal?.aborted) throw new Error("the worker is shutting down");
  };

  try {
    await progress(0);
    // The heaviest read of the job, from the read replica when there is one (ADR 0028), once it has
    // replayed everything written up to now: the coordinator's last changes and this run's start. A job
    // can wait a few seconds for it; past those the primary serves.
    const notBefore = db.hasReplica ? await db.walPosition() : null;
    const data = await db.withTenantReplica(
      tenantId,
      (tx) => getCohortReportData(tx, { tenantId, cohortId: run.cohortId, now }),
      { notBefore, waitMs: 5_000 },
    );
    const dataHash = cohortReportDataHash(data);
    const keys = reportFileKeys({ tenantId, cohortId: run.cohortId, dataHash, locale: run.locale });
    const storage = new LocalFileStorage(storageDir);
    await progress(20);
    stopIfAsked();
    const stored = (await storage.exists(keys.pdfKey)) && (await storage.exists(keys.xlsxKey));
    if (!stored) {
      const locale = run.locale as ReportLocale;
      const pdf = await renderCohortReportPdf(data, { locale });
      await progress(60);
      stopIfAsked();
      const xlsx = await buildCohortReportXlsx(data, { locale });
      await progress(85);
      // The workbook first: the PDF's presence is what says both were written.
      await storage.put(keys.xlsxKey, xlsx, { metadata: { contentType: XLSX_TYPE } });
      await storage.put(keys.pdfKey, pdf, { metadata: { contentType: "application/pdf" } });
    }
    await db.withTenant(tenantId, (tx) =>
      tx.cohortReportRun.updateMany({
        where: { tenantId, id: runId },
        data: {
          status: "ready",
          progress: 100,
          dataHash,
          pdfKey: keys.pdfKey,
          xlsxKey: keys.xlsxKey,
          error: null,
          failureCode: null,
          finishedAt: now,
        },
      }),
    );
    await options.onProgress?.(100);
    return { status: "ready", rendered: !stored };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await db.withTenant(tenantId, (tx) =>
      tx.cohortReportRun.updateMany({
        where: { tenantId, id: runId },
        data: { status: "failed", error: message.slice(0, 2000) },
      }),
    );
    throw error;
  }
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
