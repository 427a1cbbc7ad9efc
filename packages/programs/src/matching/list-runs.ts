import type { TenantDb } from "@mentoring/db";
import { loadCohort } from "../records/cohort-record";
import { type RunSummary, runSummaries } from "../records/matching-run";

/** Runs of a cohort, newest first. */
export async function listRuns(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<RunSummary[]> {
  await loadCohort(tx, input.tenantId, input.cohortId);
  return runSummaries(tx, input);
}
