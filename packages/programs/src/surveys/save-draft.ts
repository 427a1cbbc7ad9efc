import type { TenantDb } from "@mentoring/db";
import { type AnswerProblem, checkAnswers } from "@mentoring/domain";
import { assertAnswerable, writeDraft } from "../records/survey-response-draft";
import { getParticipantRound } from "./get-participant-round";

/**
 * Saves a draft (autosave, or the "save" button): the well-formed answers replace the draft's, and the
 * malformed ones come back as problems for the person to fix. Refused once submitted or closed.
 */
export async function saveDraft(
  tx: TenantDb,
  input: { tenantId: string; roundId: string; staffMemberId: string; answers: Record<string, unknown> },
): Promise<{ savedAt: Date; problems: AnswerProblem[] }> {
  const found = await getParticipantRound(tx, input);
  assertAnswerable(found);
  const { answers, problems } = checkAnswers(found.set, input.answers, "draft");
  const savedAt = await writeDraft(tx, input.tenantId, found, { answers });
  return { savedAt, problems };
}
