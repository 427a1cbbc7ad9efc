import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";
import { type CohortTeamFacts, teamFactsOf } from "../records/team-facts";

export type { CohortTeamFacts, TeamFactsRow } from "../records/team-facts";

/**
 * What the program recorded about each team of a cohort up to `now`, counted as the rest of the product
 * counts it, for the rubric's computed criteria:
 * - attendance: at the items that take attendance, have started and whose sheet was taken (someone is
 *   marked), the team's members expected there (the item's audience and team; at an event that takes
 *   sign-ups, those who signed up or came, as the attendance sheet counts) and how many were marked present;
 *   someone expected but never marked counts as absent;
 * - assignments, activities and meetings: the progress page's figures (getTeamProgress): assignments due by
 *   `now` for everyone or the team, handed in and not late; activities of any kind; meetings (and
 *   counselling);
 * - activity months: the months of the activity phase touched by today (at least 1);
 * - pre/post change: each member's change from their submitted pre to post diagnostic (the template's
 *   question sets with dimensions given at both phases), averaged over the dimensions they have both, then
 *   over the members who have one; null when no member has.
 * Not found for another tenant's cohort.
 */
export async function getTeamFacts(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; now: Date },
): Promise<CohortTeamFacts> {
  const { tenantId, cohortId } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  return teamFactsOf(tx, await loadCohort(tx, tenantId, cohortId), input);
}
