import { isUniqueViolation, recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, evaluatorConflict } from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";
import { evaluationSetup } from "../records/evaluation-rubric";
import { ensureEvaluatorRole } from "../records/evaluator-role";
import { fieldError } from "../records/field-error";

/**
 * The coordinator assigns a member of the tenant (staff, or an outside trainer who accepted an invitation)
 * to evaluate one team of the cohort. Refused with the reason when the conflict-of-interest rule says so: a
 * member of the team, or (when the template says so) someone in the same department as a member (named).
 * The person gets the evaluator role if they did not hold it (audited as a role change), and an empty
 * draft evaluation; the assignment is audited. One assignment per team and evaluator.
 */
export async function assignEvaluator(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    teamId: string;
    evaluatorUserId: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ assignmentId: string; evaluatorRoleAdded: boolean }> {
  const { tenantId, cohortId, teamId, evaluatorUserId, actorUserId, now, requestId } = input;
  if (!UUID.test(cohortId) || !UUID.test(teamId)) throw new AppError("evaluation.team_not_found");
  const team = await tx.team.findFirst({
    where: { tenantId, cohortId, id: teamId },
    select: {
      id: true,
      members: {
        select: {
          application: {
            select: {
              staffMember: {
                select: { id: true, name: true, departmentId: true, department: { select: { name: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!team) throw new AppError("evaluation.team_not_found");
  const { definition } = await loadCohort(tx, tenantId, cohortId);
  const membership = UUID.test(evaluatorUserId)
    ? await tx.membership.findUnique({
        where: { tenantId_userId: { tenantId, userId: evaluatorUserId } },
        select: { id: true, roles: true, staffMember: { select: { id: true, departmentId: true } } },
      })
    : null;
  if (!membership) throw fieldError("evaluation.evaluator_not_found", "evaluatorUserId");

  const members = team.members.map((member) => member.application.staffMember);
  // An outside trainer has no staff record: neither a team member nor anyone's colleague.
  const evaluator = {
    staffMemberId: membership.staffMember?.id ?? null,
    departmentId: membership.staffMember?.departmentId ?? null,
  };
  const conflict = evaluatorConflict({
    evaluator,
    teamMembers: members.map((member) => ({ staffMemberId: member.id, departmentId: member.departmentId })),
    sameDepartmentRule: evaluationSetup(definition).sameDepartmentRule,
  });
  if (conflict?.reason === "member") throw fieldError("evaluation.conflict_member", "evaluatorUserId");
  if (conflict?.reason === "same_department") {
    // Named, every one of them (in 가나다 order), with the department they share.
    const colleagues = members.filter((member) => member.departmentId === evaluator.departmentId);
    throw fieldError("evaluation.conflict_same_department", "evaluatorUserId", {
      member: colleagues
        .map((member) => member.name)
        .sort()
        .join(", "),
      department: colleagues[0]?.department.name ?? "",
    });
  }

  const existing = await tx.evaluatorAssignment.findFirst({
    where: { tenantId, teamId, evaluatorUserId },
    select: { id: true },
  });
  if (existing) throw fieldError("evaluation.already_assigned", "evaluatorUserId");

  const evaluatorRoleAdded = await ensureEvaluatorRole(tx, { tenantId, membership, actorUserId, requestId });
  let assignmentId: string;
  try {
    const assignment = await tx.evaluatorAssignment.create({
      data: { tenantId, cohortId, teamId, evaluatorUserId, assignedByUserId: actorUserId, assignedAt: now },
      select: { id: true },
    });
    assignmentId = assignment.id;
  } catch (error) {
    // Another coordinator assigned the same person between the check and the insert.
    if (isUniqueViolation(error)) throw fieldError("evaluation.already_assigned", "evaluatorUserId");
    throw error;
  }
  await tx.evaluation.create({ data: { tenantId, assignmentId } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "evaluation.assign",
    entityType: "evaluator_assignment",
    entityId: assignmentId,
    after: { cohortId, teamId, evaluatorUserId },
    requestId,
  });
  return { assignmentId, evaluatorRoleAdded };
}
