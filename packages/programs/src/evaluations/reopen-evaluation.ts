import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { cohortAssignment, entriesOf } from "../records/evaluator-assignment";

/**
 * The coordinator reopens a submitted evaluation, so that its evaluator can change it and submit it again
 * (a wrong score, a conflict found late). Its scores and comments stay as they were; the last submission's
 * time is kept. Audited with the state before (submitted, with its scores) and after (a draft again). A
 * draft cannot be reopened (evaluation.not_submitted).
 */
export async function reopenEvaluation(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    assignmentId: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, actorUserId, now, requestId } = input;
  const assignment = await cohortAssignment(tx, input);
  const { evaluation } = assignment;
  const reopened = await tx.evaluation.updateMany({
    where: { tenantId, id: evaluation.id, status: "submitted" },
    data: { status: "draft", reopenedAt: now, reopenedByUserId: actorUserId },
  });
  if (reopened.count === 0) throw new AppError("evaluation.not_submitted");
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "evaluation.reopen",
    entityType: "evaluation",
    entityId: evaluation.id,
    before: {
      status: "submitted",
      submittedAt: evaluation.submittedAt?.toISOString() ?? null,
      evaluatorUserId: assignment.evaluatorUserId,
      teamId: assignment.teamId,
      scores: Object.fromEntries(
        Object.entries(entriesOf(evaluation.scores)).map(([key, entry]) => [key, entry.score]),
      ),
    },
    after: { status: "draft", reopenedAt: now.toISOString() },
    requestId,
  });
}
