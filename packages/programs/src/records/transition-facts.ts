import type { TenantDb } from "@mentoring/db";
import type { CalendarDate, ProgramKind, QuestionSet, TransitionFacts } from "@mentoring/domain";

/**
 * What the lifecycle rules look at besides the cohort itself: accepted applications per role, pre-survey
 * rounds not yet closed (by the coordinator, or by the surveys' daily job after their last day), published
 * teams, and the post-survey answers expected and submitted over the opened post rounds (expected: the
 * accepted applications in each round's question-set roles, from the cohort's template version).
 */
export async function transitionFacts(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  today: CalendarDate,
  questionSets: readonly QuestionSet[],
  kind: ProgramKind = "standard",
): Promise<TransitionFacts> {
  const [mentor, mentee, openPreSurveys, publishedTeams, postRounds] = await Promise.all([
    tx.application.count({ where: { tenantId, cohortId, role: "mentor", status: "accepted" } }),
    tx.application.count({ where: { tenantId, cohortId, role: "mentee", status: "accepted" } }),
    tx.surveyRound.count({ where: { tenantId, cohortId, phase: "pre", closedAt: null } }),
    tx.team.count({ where: { tenantId, cohortId } }),
    tx.surveyRound.findMany({
      where: { tenantId, cohortId, phase: "post", openedAt: { not: null } },
      select: { id: true, questionSetKey: true },
    }),
  ]);
  const accepted = { mentor, mentee };
  const postSurveys = { submitted: 0, expected: 0 };
  for (const round of postRounds) {
    const roles = questionSets.find((set) => set.key === round.questionSetKey)?.roles ?? [];
    if (roles.length === 0) continue;
    postSurveys.expected += roles.reduce((sum, role) => sum + accepted[role], 0);
    postSurveys.submitted += await tx.surveyResponse.count({
      where: {
        tenantId,
        roundId: round.id,
        submittedAt: { not: null },
        application: { cohortId, status: "accepted", role: { in: [...roles] } },
      },
    });
  }
  return { today, kind, accepted, openPreSurveys, publishedTeams, postSurveys };
}
