import type { TenantDb } from "@mentoring/db";
import type { SurveyPhase } from "@mentoring/domain";

/**
 * How many of the cohort's rounds of `phase` are still open (opened, not closed by the coordinator or by
 * their date): the lifecycle holds matching back while pre rounds are open (TransitionFacts.openPreSurveys).
 */
export async function countOpenRounds(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; phase: SurveyPhase },
): Promise<number> {
  return tx.surveyRound.count({
    where: {
      tenantId: input.tenantId,
      cohortId: input.cohortId,
      phase: input.phase,
      openedAt: { not: null },
      closedAt: null,
    },
  });
}
