import type { TenantDb } from "@mentoring/db";
import { type AnswerProblem, checkAnswers, type DimensionScores, diagnosticScores } from "@mentoring/domain";
import { assertAnswerable, writeDraft } from "../records/survey-response-draft";
import { getParticipantRound } from "./get-participant-round";

export type SubmitResult =
  | { submitted: true; submittedAt: Date; scores: DimensionScores | null }
  | { submitted: false; problems: AnswerProblem[] };

/**
 * Submits a response once: every required question answered, every answer well-formed, diagnostic scores
 * computed. With problems nothing is submitted (the well-formed answers are kept as the draft, as
 * autosave would). A second submission, even one racing the first, is refused.
 */
export async function submitResponse(
  tx: TenantDb,
  input: {
    tenantId: string;
    roundId: string;
    staffMemberId: string;
    answers: Record<string, unknown>;
    now: Date;
  },
): Promise<SubmitResult> {
  const found = await getParticipantRound(tx, input);
  assertAnswerable(found);
  const { answers, problems } = checkAnswers(found.set, input.answers, "final");
  if (problems.length > 0) {
    await writeDraft(tx, input.tenantId, found, {
      answers: checkAnswers(found.set, input.answers, "draft").answers,
    });
    return { submitted: false, problems };
  }
  const scores = found.set.dimensions.length > 0 ? diagnosticScores(found.set, answers) : null;
  await writeDraft(tx, input.tenantId, found, {
    answers,
    ...(scores ? { scores } : {}),
    submittedAt: input.now,
  });
  return { submitted: true, submittedAt: input.now, scores };
}
