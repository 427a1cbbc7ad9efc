import type { TenantDb } from "@mentoring/db";
import {
  type CalendarDate,
  type LocalizedText,
  type ResponseStatus,
  responseStatus,
  type SurveyPhase,
  surveyPhases,
} from "@mentoring/domain";
import { dayOf, loadCohort } from "../records/cohort-record";

export interface ParticipantRoundSummary {
  roundId: string;
  cohortTitle: string;
  title: LocalizedText;
  phase: SurveyPhase;
  closesOn: CalendarDate;
  closed: boolean;
  status: ResponseStatus;
}

/** The rounds a staff member is asked to answer, open ones first, then by closing day. */
export async function listParticipantRounds(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<ParticipantRoundSummary[]> {
  const { tenantId, staffMemberId } = input;
  const applications = await tx.application.findMany({
    where: { tenantId, staffMemberId, status: "accepted" },
    select: {
      id: true,
      role: true,
      cohortId: true,
      surveyResponses: { where: { tenantId }, select: { roundId: true, submittedAt: true } },
    },
  });
  const summaries: (ParticipantRoundSummary & { order: number })[] = [];
  for (const application of applications) {
    const rounds = await tx.surveyRound.findMany({
      where: { tenantId, cohortId: application.cohortId, openedAt: { not: null } },
    });
    if (rounds.length === 0) continue;
    const { cohort, definition } = await loadCohort(tx, tenantId, application.cohortId);
    for (const round of rounds) {
      const order = definition.questionSets.findIndex((set) => set.key === round.questionSetKey);
      const set = definition.questionSets[order];
      if (!set?.roles.includes(application.role)) continue;
      summaries.push({
        roundId: round.id,
        cohortTitle: cohort.title,
        title: set.title,
        phase: round.phase,
        closesOn: dayOf(round.closesOn),
        closed: round.closedAt !== null,
        status: responseStatus(application.surveyResponses.find((r) => r.roundId === round.id)),
        order,
      });
    }
  }
  // Open rounds first, the soonest to close first; a cohort's sets in the template's order.
  return summaries
    .sort(
      (a, b) =>
        Number(a.closed) - Number(b.closed) ||
        a.closesOn.localeCompare(b.closesOn) ||
        a.cohortTitle.localeCompare(b.cohortTitle, "ko") ||
        surveyPhases.indexOf(a.phase) - surveyPhases.indexOf(b.phase) ||
        a.order - b.order,
    )
    .map(({ order: _order, ...summary }) => summary);
}
