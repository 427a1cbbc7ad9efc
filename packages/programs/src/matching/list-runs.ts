import type { TenantDb } from "@mentoring/db";
import { loadCohort } from "../records/cohort-record";
import { type RunSummary, summaryOf } from "../records/matching-run";

/** Runs of a cohort, newest first. */
export async function listRuns(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<RunSummary[]> {
  const { tenantId, cohortId } = input;
  await loadCohort(tx, tenantId, cohortId);
  const runs = await tx.matchingRun.findMany({ where: { tenantId, cohortId }, orderBy: { number: "desc" } });
  return runs.map(summaryOf);
}
