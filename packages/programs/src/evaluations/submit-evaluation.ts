import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type EvaluationEntry, evaluationDraftProblems, missingScores } from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";
import { evaluationSetup } from "../records/evaluation-rubric";
import { entriesOf, myAssignment, refuseProblems, writeDraftEntries } from "../records/evaluator-assignment";

/**
 * The assigned evaluator submits their evaluation of a team, once: with the entries the form holds (saved
 * as a draft would be) when given, then every criterion the evaluators score must have a score. Any
 * problem refuses it with every field named, and nothing is stored (the caller's transaction rolls back).
 * Only the coordinator can reopen it. Audited with the scores submitted.
 */
export async function submitEvaluation(
  tx: TenantDb,
  input: {
    tenantId: string;
    evaluatorUserId: string;
    teamId: string;
    entries?: Record<string, EvaluationEntry>;
    now: Date;
    requestId?: string;
  },
): Promise<{ submittedAt: Date }> {
  const { tenantId, evaluatorUserId, now, requestId } = input;
  const entries = input.entries ?? {};
  const assignment = await myAssignment(tx, input);
  if (assignment.evaluation.status === "submitted") throw new AppError("evaluation.already_submitted");
  const { scored } = evaluationSetup((await loadCohort(tx, tenantId, assignment.cohortId)).definition);
  refuseProblems(evaluationDraftProblems(scored, entries));
  const evaluationId = assignment.evaluation.id;
  await writeDraftEntries(tx, { tenantId, evaluationId, entries, now });
  const rows = await tx.evaluationScore.findMany({
    where: { tenantId, evaluationId },
    select: { criterionKey: true, score: true, comment: true },
  });
  const stored = entriesOf(rows);
  refuseProblems(
    missingScores(
      scored,
      Object.fromEntries(scored.map((criterion) => [criterion.key, stored[criterion.key]?.score ?? null])),
    ),
  );
  await tx.evaluation.update({
    where: { id: evaluationId },
    data: { status: "submitted", submittedAt: now },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: evaluatorUserId,
    action: "evaluation.submit",
    entityType: "evaluation",
    entityId: evaluationId,
    after: {
      teamId: assignment.teamId,
      scores: Object.fromEntries(
        scored.map((criterion) => [criterion.key, stored[criterion.key]?.score ?? null]),
      ),
    },
    requestId,
  });
  return { submittedAt: now };
}
