import type { TenantDb } from "@mentoring/db";

/** A team an evaluator is assigned to, with how far their evaluation of it has come. */
export interface MyEvaluationTeam {
  assignmentId: string;
  cohortId: string;
  cohortTitle: string;
  teamId: string;
  teamNumber: number;
  teamName: string | null;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  /** Criteria with a score so far. */
  scored: number;
}

/**
 * The teams the evaluator is assigned to, and only those, across the tenant's cohorts: latest cohort
 * first, then by team number. An evaluator assigned to nothing sees an empty list.
 */
export async function listMyEvaluationTeams(
  tx: TenantDb,
  input: { tenantId: string; evaluatorUserId: string },
): Promise<MyEvaluationTeam[]> {
  const { tenantId, evaluatorUserId } = input;
  const assignments = await tx.evaluatorAssignment.findMany({
    where: { tenantId, evaluatorUserId },
    select: {
      id: true,
      cohortId: true,
      teamId: true,
      cohort: { select: { title: true, createdAt: true } },
      team: { select: { number: true, name: true } },
      evaluation: {
        select: {
          status: true,
          submittedAt: true,
          _count: { select: { scores: { where: { score: { not: null } } } } },
        },
      },
    },
  });
  return assignments
    .sort(
      (a, b) => b.cohort.createdAt.getTime() - a.cohort.createdAt.getTime() || a.team.number - b.team.number,
    )
    .map((assignment) => ({
      assignmentId: assignment.id,
      cohortId: assignment.cohortId,
      cohortTitle: assignment.cohort.title,
      teamId: assignment.teamId,
      teamNumber: assignment.team.number,
      teamName: assignment.team.name,
      status: assignment.evaluation?.status ?? "draft",
      submittedAt: assignment.evaluation?.submittedAt ?? null,
      scored: assignment.evaluation?._count.scores ?? 0,
    }));
}
