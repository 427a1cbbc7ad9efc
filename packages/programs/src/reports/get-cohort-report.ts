import type { TenantDb } from "@mentoring/db";
import { requireCohort } from "../records/certificate-cohort";

export interface CohortReportRunView {
  id: string;
  status: "generating" | "ready" | "failed";
  progress: number;
  locale: string;
  failureCode: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * What the cohort's report page shows (coordinator): the cohort, and its latest report run (none before the
 * first) with its status and progress, which the page polls while it is being made. cohort.not_found
 * outside the tenant.
 */
export async function getCohortReport(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<{ cohort: { id: string; title: string }; run: CohortReportRunView | null }> {
  const { tenantId, cohortId } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const run = await tx.cohortReportRun.findFirst({
    where: { tenantId, cohortId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      progress: true,
      locale: true,
      failureCode: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  return { cohort, run };
}
