import type { TenantDb } from "@mentoring/db";
import { AppError, type CohortStatus, type TemplateDefinition } from "@mentoring/domain";
import { z } from "zod";
import { loadCohort } from "../records/cohort-record";
import type { RunSummary } from "../records/matching-run";
import { runSummaries } from "../records/matching-run";
import { type RunView, viewRun } from "../records/run-view";

export interface MatchingReview {
  cohort: { id: string; title: string; status: CohortStatus };
  /** The template the cohort runs on: what each score criterion reads, in its own words. */
  definition: TemplateDefinition;
  /** Newest first. */
  runs: RunSummary[];
  run: RunView | null;
  /**
   * Signed, unrevoked certificates of the cohort: while there are any, publishing is refused
   * (matching.certificates_issued), so the page says so before the coordinator runs or publishes.
   */
  issuedCertificates: number;
}

const runIdSchema = z.string().uuid();

/**
 * A cohort's matching for its coordinator: its runs and one of them reviewed (`runId`, or the newest).
 * A run that is not the cohort's, or an id that is no id at all (a hand-edited address), is not found.
 */
export async function getMatchingReview(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; runId?: string },
): Promise<MatchingReview> {
  const { tenantId, cohortId } = input;
  if (input.runId !== undefined && !runIdSchema.safeParse(input.runId).success)
    throw new AppError("matching.run_not_found");
  // The cohort and its template definition are loaded and validated once, for the list and the run alike.
  const record = await loadCohort(tx, tenantId, cohortId);
  const { cohort, definition } = record;
  const runs = await runSummaries(tx, { tenantId, cohortId });
  const runId = input.runId ?? runs[0]?.id;
  return {
    cohort: { id: cohort.id, title: cohort.title, status: cohort.status as CohortStatus },
    definition,
    runs,
    run: runId === undefined ? null : await viewRun(tx, record, { tenantId, cohortId, runId }),
    issuedCertificates: await tx.certificate.count({
      where: { tenantId, cohortId, signature: { not: null }, revokedAt: null },
    }),
  };
}
