import { recordAudit, type TenantDb } from "@mentoring/db";
import { type ApplicantFilter, type ApplicantRow, applicantRows } from "../records/applicant-rows";
import { loadCohort } from "../records/cohort-record";
import { sqlIn } from "../records/sql-in";

/**
 * The applicant rows for a download, with the export recorded (who exported whose data, with which filter
 * and how many rows) in the same transaction: the file holds personal data.
 */
export async function exportApplicants(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    filter: ApplicantFilter;
    format: "csv" | "xlsx";
    actorUserId: string;
    requestId?: string;
  },
): Promise<{ cohortTitle: string; rows: ApplicantRow[] }> {
  const record = await loadCohort(tx, input.tenantId, input.cohortId);
  const rows = await applicantRows(sqlIn(tx), input.tenantId, input.cohortId, input.filter);
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: "applications.export",
    entityType: "cohort",
    entityId: input.cohortId,
    after: {
      format: input.format,
      filter: Object.fromEntries(Object.entries(input.filter).filter(([, value]) => value !== undefined)),
      count: rows.length,
    },
    requestId: input.requestId,
  });
  return { cohortTitle: record.cohort.title, rows };
}
