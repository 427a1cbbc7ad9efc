import { recordAudit, type TenantDb } from "@mentoring/db";
import { enqueue } from "@mentoring/jobs";
import { cohortReportDataHash, type ReportLocale } from "@mentoring/reports";
import { requireCohort } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";
import { getCohortReportData } from "./get-cohort-report-data";

export interface CohortReportRequest {
  runId: string;
  /** `started`: a new run and its job; `under_way`: one was already being made; `unchanged`: the last ready
   * report was made from the same data, so its files stand. */
  outcome: "started" | "under_way" | "unchanged";
}

/**
 * The coordinator asks for the cohort's final report. A run under way is returned as it is (a second
 * press starts nothing). Otherwise the report's data is read now: when the last ready run in the same
 * language was made from equal data (its hash), that run is the answer and nothing is made again; else a
 * run is created, generating, with its "reports.cohort-report" job in the same transaction, audited. The
 * cohort's row is locked, so two presses at once make one run. cohort.not_found outside the tenant.
 */
export async function requestCohortReport(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    actorUserId: string;
    locale: ReportLocale;
    now: Date;
    requestId?: string;
  },
): Promise<CohortReportRequest> {
  const { tenantId, cohortId, actorUserId, locale, now, requestId } = input;
  await requireCohort(tx, tenantId, cohortId);
  await loadCohort(tx, tenantId, cohortId, { lock: true });
  const underWay = await tx.cohortReportRun.findFirst({
    where: { tenantId, cohortId, status: "generating" },
    select: { id: true },
  });
  if (underWay) return { runId: underWay.id, outcome: "under_way" };
  const dataHash = cohortReportDataHash(await getCohortReportData(tx, { tenantId, cohortId, now }));
  const last = await tx.cohortReportRun.findFirst({
    where: { tenantId, cohortId, locale, status: "ready" },
    orderBy: { createdAt: "desc" },
    select: { id: true, dataHash: true },
  });
  if (last?.dataHash === dataHash) return { runId: last.id, outcome: "unchanged" };
  const run = await tx.cohortReportRun.create({
    data: { tenantId, cohortId, locale, requestedByUserId: actorUserId },
    select: { id: true },
  });
  await enqueue(tx, "reports.cohort-report", { tenantId, runId: run.id });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort_report.request",
    entityType: "cohort_report",
    entityId: run.id,
    after: { cohortId, locale, dataHash },
    requestId,
  });
  return { runId: run.id, outcome: "started" };
}
