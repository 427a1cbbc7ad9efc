import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";
import { evaluationSetup, type RubricCriterionView } from "../records/evaluation-rubric";
import { entriesOf, myAssignment } from "../records/evaluator-assignment";

/** What the evaluator's page of one team starts from: the team, the rubric, and their evaluation so far. */
export interface TeamEvaluationView {
  assignmentId: string;
  cohort: { id: string; title: string };
  team: {
    id: string;
    number: number;
    name: string | null;
    members: { name: string; role: ApplicationRole; department: string }[];
  };
  /** The template's rubric in its order; computed criteria are shown, scored by the program. */
  criteria: RubricCriterionView[];
  evaluation: {
    status: "draft" | "submitted";
    submittedAt: Date | null;
    reopenedAt: Date | null;
    /** By criterion key: what the evaluator gave so far. */
    entries: Record<string, { score: number | null; comment: string }>;
  };
}

/**
 * One team's evaluation as its assigned evaluator sees it. A team the evaluator is not assigned to is not
 * found (404), exactly as a team that does not exist: never "forbidden".
 */
export async function getTeamEvaluation(
  tx: TenantDb,
  input: { tenantId: string; evaluatorUserId: string; teamId: string },
): Promise<TeamEvaluationView> {
  const { tenantId } = input;
  const assignment = await myAssignment(tx, input);
  const { cohort, definition } = await loadCohort(tx, tenantId, assignment.cohortId);
  const members = await tx.teamMember.findMany({
    where: { tenantId, teamId: assignment.teamId },
    orderBy: [{ role: "asc" }],
    select: {
      role: true,
      application: {
        select: { staffMember: { select: { name: true, department: { select: { name: true } } } } },
      },
    },
  });
  const { evaluation } = assignment;
  return {
    assignmentId: assignment.id,
    cohort: { id: cohort.id, title: cohort.title },
    team: {
      id: assignment.teamId,
      number: assignment.team.number,
      name: assignment.team.name,
      members: members.map((member) => ({
        name: member.application.staffMember.name,
        role: member.role,
        department: member.application.staffMember.department.name,
      })),
    },
    criteria: evaluationSetup(definition).criteria,
    evaluation: {
      status: evaluation.status,
      submittedAt: evaluation.submittedAt,
      reopenedAt: evaluation.reopenedAt,
      entries: entriesOf(evaluation.scores),
    },
  };
}
