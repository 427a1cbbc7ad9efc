import type { TenantDb } from "@mentoring/db";
import { AppError, type QuestionSet } from "@mentoring/domain";

/* Survey rounds as the use cases find them: by id, for a participant or for the cohort's coordinator. */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one refusal for a round that is missing or not the person's: they learn nothing more. */
export const roundNotFound = (): AppError => new AppError("survey.round_not_found");

/** The question set a round gives, from the cohort's template version. */
export function setOf(sets: QuestionSet[], key: string): QuestionSet | undefined {
  return sets.find((set) => set.key === key);
}

/** A round of the cohort, for the coordinator's actions on it; not found (404) otherwise. */
export async function coordinatorRound(tx: TenantDb, tenantId: string, cohortId: string, roundId: string) {
  if (!UUID.test(roundId) || !UUID.test(cohortId)) throw roundNotFound();
  const round = await tx.surveyRound.findFirst({
    where: { tenantId, cohortId, id: roundId, openedAt: { not: null } },
  });
  if (!round) throw roundNotFound();
  return round;
}
