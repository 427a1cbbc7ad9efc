import type { TenantDb } from "@mentoring/db";
import type {
  ApplicationRole,
  CalendarDate,
  QuestionSet,
  SurveyAnswers,
  SurveyPhase,
} from "@mentoring/domain";
import { dayOf, loadCohort } from "../records/cohort-record";
import { roundNotFound, setOf, UUID } from "../records/survey-round-record";

export interface ParticipantRound {
  round: {
    id: string;
    phase: SurveyPhase;
    opensOn: CalendarDate;
    closesOn: CalendarDate;
    closed: boolean;
  };
  cohort: { id: string; title: string };
  set: QuestionSet;
  applicationId: string;
  role: ApplicationRole;
  response: { answers: SurveyAnswers; submittedAt: Date | null; savedAt: Date } | null;
}

/**
 * A round as its participant sees it. Not found (404) unless the round is opened and the staff member
 * holds an accepted application to its cohort in a role the question set is for: a person learns nothing
 * about rounds that are not theirs.
 */
export async function getParticipantRound(
  tx: TenantDb,
  input: { tenantId: string; roundId: string; staffMemberId: string },
): Promise<ParticipantRound> {
  const { tenantId, roundId, staffMemberId } = input;
  if (!UUID.test(roundId) || !UUID.test(staffMemberId)) throw roundNotFound();
  const round = await tx.surveyRound.findFirst({ where: { tenantId, id: roundId, openedAt: { not: null } } });
  if (!round) throw roundNotFound();
  const application = await tx.application.findFirst({
    where: { tenantId, cohortId: round.cohortId, staffMemberId, status: "accepted" },
    select: { id: true, role: true },
  });
  if (!application) throw roundNotFound();
  const { cohort, definition } = await loadCohort(tx, tenantId, round.cohortId);
  const set = setOf(definition.questionSets, round.questionSetKey);
  if (!set?.roles.includes(application.role)) throw roundNotFound();
  const response = await tx.surveyResponse.findFirst({
    where: { tenantId, roundId, applicationId: application.id },
    select: { answers: true, submittedAt: true, updatedAt: true },
  });
  return {
    round: {
      id: round.id,
      phase: round.phase,
      opensOn: dayOf(round.opensOn),
      closesOn: dayOf(round.closesOn),
      closed: round.closedAt !== null,
    },
    cohort: { id: cohort.id, title: cohort.title },
    set,
    applicationId: application.id,
    role: application.role,
    response: response
      ? {
          answers: response.answers as SurveyAnswers,
          submittedAt: response.submittedAt,
          savedAt: response.updatedAt,
        }
      : null,
  };
}
