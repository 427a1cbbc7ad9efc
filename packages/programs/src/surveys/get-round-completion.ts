import type { TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  type CalendarDate,
  completionPercent,
  type DimensionScores,
  diagnosticScores,
  type LocalizedText,
  meanScores,
  type ResponseStatus,
  responseStatus,
  type SurveyAnswers,
  type SurveyPhase,
  surveyPhases,
} from "@mentoring/domain";
import { dayOf, loadCohort } from "../records/cohort-record";
import { participantsOf } from "../records/survey-participants";
import { setOf } from "../records/survey-round-record";

export interface ParticipantProgress {
  applicationId: string;
  name: string;
  department: string;
  role: ApplicationRole;
  status: ResponseStatus;
  submittedAt: Date | null;
  /** When the draft or submission was last written. */
  savedAt: Date | null;
}

export interface RoundCompletion {
  id: string;
  questionSetKey: string;
  title: LocalizedText;
  phase: SurveyPhase;
  opensOn: CalendarDate;
  closesOn: CalendarDate;
  closedAt: Date | null;
  lastRemindedOn: CalendarDate | null;
  expected: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  /** Whole percent submitted, rounded down. */
  percent: number;
  participants: ParticipantProgress[];
  /** Diagnostics: the mean score per dimension over submitted responses. */
  dimensions: { key: string; label: LocalizedText; mean: number | null; people: number }[];
}

/**
 * Completion of a cohort's rounds for its coordinator: per round who is expected (accepted applications in
 * the set's roles), who has submitted, who has a draft and who has not started, with the mean diagnostic
 * score per dimension. Not found (404) when the cohort is not the tenant's.
 */
export async function getRoundCompletion(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<{ cohort: { id: string; title: string; status: string }; rounds: RoundCompletion[] }> {
  const { tenantId, cohortId } = input;
  const { cohort, definition } = await loadCohort(tx, tenantId, cohortId);
  const rounds = await tx.surveyRound.findMany({ where: { tenantId, cohortId, openedAt: { not: null } } });
  const setOrder = (key: string) => definition.questionSets.findIndex((set) => set.key === key);
  rounds.sort(
    (a, b) =>
      surveyPhases.indexOf(a.phase) - surveyPhases.indexOf(b.phase) ||
      setOrder(a.questionSetKey) - setOrder(b.questionSetKey),
  );
  const result: RoundCompletion[] = [];
  for (const round of rounds) {
    const set = setOf(definition.questionSets, round.questionSetKey);
    if (!set) continue;
    const participants = await participantsOf(tx, tenantId, cohortId, set.roles, round.id);
    const progress = participants.map((p) => ({
      applicationId: p.applicationId,
      name: p.name,
      department: p.department,
      role: p.role,
      status: responseStatus(p.response),
      submittedAt: p.response?.submittedAt ?? null,
      savedAt: p.response?.updatedAt ?? null,
    }));
    const count = (status: ResponseStatus) => progress.filter((p) => p.status === status).length;
    const scored = participants
      .filter((p) => p.response?.submittedAt)
      .map(
        (p) =>
          (p.response?.scores as DimensionScores | null) ??
          diagnosticScores(set, (p.response?.answers ?? {}) as SurveyAnswers),
      );
    const means = meanScores(scored);
    result.push({
      id: round.id,
      questionSetKey: round.questionSetKey,
      title: set.title,
      phase: round.phase,
      opensOn: dayOf(round.opensOn),
      closesOn: dayOf(round.closesOn),
      closedAt: round.closedAt,
      lastRemindedOn: round.lastRemindedOn ? dayOf(round.lastRemindedOn) : null,
      expected: participants.length,
      submitted: count("submitted"),
      inProgress: count("in_progress"),
      notStarted: count("not_started"),
      percent: completionPercent(count("submitted"), participants.length),
      participants: progress,
      dimensions: set.dimensions.map((dimension) => ({
        key: dimension.key,
        label: dimension.label,
        mean: means[dimension.key]?.mean ?? null,
        people: means[dimension.key]?.people ?? 0,
      })),
    });
  }
  return { cohort: { id: cohort.id, title: cohort.title, status: cohort.status }, rounds: result };
}
