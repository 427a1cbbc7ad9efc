import type { TenantDb } from "@mentoring/db";
import type { CalendarDate, TransitionFacts } from "@mentoring/domain";

/**
 * What the lifecycle rules look at besides the cohort itself: accepted applications per role, pre-survey
 * rounds not yet closed (by the coordinator, or by the surveys' daily job after their last day), published
 * teams.
 */
export async function transitionFacts(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  today: CalendarDate,
): Promise<TransitionFacts> {
  const [mentor, mentee, openPreSurveys, publishedTeams] = await Promise.all([
    tx.application.count({ where: { tenantId, cohortId, role: "mentor", status: "accepted" } }),
    tx.application.count({ where: { tenantId, cohortId, role: "mentee", status: "accepted" } }),
    tx.surveyRound.count({ where: { tenantId, cohortId, phase: "pre", closedAt: null } }),
    tx.team.count({ where: { tenantId, cohortId } }),
  ]);
  return { today, accepted: { mentor, mentee }, openPreSurveys, publishedTeams };
}
