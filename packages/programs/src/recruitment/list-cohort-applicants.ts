import type { TenantDb } from "@mentoring/db";
import { acceptsApplications, allowsWithdrawal, type CohortStatus } from "@mentoring/domain";
import { announcementOf } from "../records/announcement";
import { type ApplicantFilter, applicantRows } from "../records/applicant-rows";
import { placeCounts } from "../records/cohort-places";
import { loadCohort } from "../records/cohort-record";

/**
 * The coordinator's view of a cohort's applicants: places per role (whatever the filter) and the rows the
 * filter selects, with the departments to filter by.
 */
export async function listCohortApplicants(
  tx: TenantDb,
  { tenantId, cohortId, filter }: { tenantId: string; cohortId: string; filter: ApplicantFilter },
) {
  const record = await loadCohort(tx, tenantId, cohortId);
  const counts = await placeCounts(tx, tenantId, cohortId);
  const rows = await applicantRows(tx, tenantId, cohortId, filter);
  const departments = await tx.department.findMany({
    where: { tenantId, staffMembers: { some: { tenantId, applications: { some: { tenantId, cohortId } } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return {
    cohort: {
      id: record.cohort.id,
      title: record.cohort.title,
      status: record.cohort.status as CohortStatus,
      mayNominate: acceptsApplications(record.cohort.status as CohortStatus),
      mayReject: allowsWithdrawal(record.cohort.status as CohortStatus),
    },
    places: announcementOf(record, counts).roles,
    rows,
    departments,
  };
}
