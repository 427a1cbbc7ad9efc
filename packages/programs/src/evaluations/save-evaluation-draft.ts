import type { TenantDb } from "@mentoring/db";
import { AppError, type EvaluationEntry, evaluationDraftProblems } from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";
import { evaluationSetup } from "../records/evaluation-rubric";
import { entriesOf, myAssignment, refuseProblems, writeDraftEntries } from "../records/evaluator-assignment";

/**
 * The assigned evaluator saves their evaluation of a team as a draft: for each criterion given, its score
 * (0..scaleMax, or null to clear it) and comment; criteria not given keep what they had. Only criteria the
 * evaluators score take anything. Any problem refuses the whole save with every field named, and nothing
 * is stored. Anyone but the assigned evaluator finds no such evaluation (404); a submitted one cannot be
 * changed until the coordinator reopens it. A draft is not audited (the submission is).
 */
export async function saveEvaluationDraft(
  tx: TenantDb,
  input: {
    tenantId: string;
    evaluatorUserId: string;
    teamId: string;
    entries: Record<string, EvaluationEntry>;
    now: Date;
  },
): Promise<{ entries: Record<string, { score: number | null; comment: string }> }> {
  const { tenantId, entries } = input;
  const assignment = await myAssignment(tx, input);
  if (assignment.evaluation.status === "submitted") throw new AppError("evaluation.already_submitted");
  const { scored } = evaluationSetup((await loadCohort(tx, tenantId, assignment.cohortId)).definition);
  refuseProblems(evaluationDraftProblems(scored, entries));
  await writeDraftEntries(tx, { tenantId, evaluationId: assignment.evaluation.id, entries, now: input.now });
  const rows = await tx.evaluationScore.findMany({
    where: { tenantId, evaluationId: assignment.evaluation.id },
    select: { criterionKey: true, score: true, comment: true },
  });
  return { entries: entriesOf(rows) };
}
