import type { TenantDb } from "@mentoring/db";
import { loadCohort } from "../records/cohort-record";
import { type RunSummary, summaryColumns, summaryOf } from "../records/matching-run";

/** Runs of a cohort, newest first. */
export async function listRuns(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<RunSummary[]> {
  await loadCohort(tx, input.tenantId, input.cohortId);
  return listRunsOfCohort(tx, input);
}

/** Runs of a cohort already found, newest first: their summaries only, not their problems and results. */
export async function listRunsOfCohort(
  tx: TenantDb,
  { tenantId, cohortId }: { tenantId: string; cohortId: string },
): Promise<RunSummary[]> {
  const runs = await tx.matchingRun.findMany({
    where: { tenantId, cohortId },
    orderBy: { number: "desc" },
    select: summaryColumns,
  });
  return runs.map(summaryOf);
}
