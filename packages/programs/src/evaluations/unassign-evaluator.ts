import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { cohortAssignment } from "../records/evaluator-assignment";

/**
 * The coordinator takes an evaluator off a team, while nothing of theirs was ever submitted for it: the
 * assignment goes with its draft (scores and comments). Once an evaluation was submitted it counts, and
 * the assignment stays (evaluation.has_submission). Audited. The person keeps the evaluator role.
 */
export async function unassignEvaluator(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    assignmentId: string;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, actorUserId, requestId } = input;
  const assignment = await cohortAssignment(tx, input);
  if (assignment.evaluation.submittedAt) throw new AppError("evaluation.has_submission");
  // Only while still unsubmitted: a submission racing this leaves the assignment in place.
  const removed = await tx.evaluatorAssignment.deleteMany({
    where: {
      tenantId,
      id: assignment.id,
      evaluation: { is: { tenantId, submittedAt: null } },
    },
  });
  if (removed.count === 0) throw new AppError("evaluation.has_submission");
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "evaluation.unassign",
    entityType: "evaluator_assignment",
    entityId: assignment.id,
    before: {
      cohortId: assignment.cohortId,
      teamId: assignment.teamId,
      evaluatorUserId: assignment.evaluatorUserId,
      scored: assignment.evaluation.scores.filter((row) => row.score !== null).length,
    },
    requestId,
  });
}
