import type { TenantDb } from "@mentoring/db";
import { loadCohort } from "../records/cohort-record";
import { type RunView, viewRun } from "../records/run-view";

export type { PairExplanation, ReviewedTeam, RunPerson, RunView, ScorePart } from "../records/run-view";

/** One run with its reviewed teams; 404 AppError when not the cohort's. */
export async function getRun(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; runId: string },
): Promise<RunView> {
  return viewRun(tx, await loadCohort(tx, input.tenantId, input.cohortId), input);
}
