import type { TenantDb } from "@mentoring/db";
import { AppError, type DimensionScores, type SurveyAnswers } from "@mentoring/domain";
import type { ParticipantRound } from "../surveys/get-participant-round";

/* A participant's response while it can still change: shared by saving a draft and submitting. */

/** Refuses a response already submitted or a round already closed. */
export function assertAnswerable(found: ParticipantRound) {
  if (found.response?.submittedAt) throw new AppError("survey.already_submitted");
  if (found.round.closed) throw new AppError("survey.round_closed");
}

/**
 * Writes the answers of a response not yet submitted, creating the response on the first save. The
 * `where submittedAt is null` makes a save that races a submission lose instead of overwriting it.
 */
export async function writeDraft(
  tx: TenantDb,
  tenantId: string,
  found: ParticipantRound,
  data: { answers: SurveyAnswers; scores?: DimensionScores; submittedAt?: Date },
): Promise<Date> {
  await tx.surveyResponse.createMany({
    data: [{ tenantId, roundId: found.round.id, applicationId: found.applicationId, answers: {} }],
    skipDuplicates: true,
  });
  const [written] = await tx.surveyResponse.updateManyAndReturn({
    where: { tenantId, roundId: found.round.id, applicationId: found.applicationId, submittedAt: null },
    data: {
      answers: data.answers,
      ...(data.scores ? { scores: data.scores } : {}),
      ...(data.submittedAt ? { submittedAt: data.submittedAt } : {}),
    },
    select: { updatedAt: true },
  });
  if (!written) throw new AppError("survey.already_submitted");
  return written.updatedAt;
}
