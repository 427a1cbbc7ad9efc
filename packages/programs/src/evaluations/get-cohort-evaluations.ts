import type { TenantDb } from "@mentoring/db";
import { AppError, type SubmittedScore } from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";
import { type EvaluationSetup, evaluationSetup } from "../records/evaluation-rubric";

/** One evaluator on one team, as the coordinator follows them. */
export interface CohortEvaluator {
  assignmentId: string;
  evaluatorUserId: string;
  name: string;
  email: string;
  /** No staff record in the tenant: an outside trainer. */
  outside: boolean;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  reopenedAt: Date | null;
}

export interface CohortEvaluations {
  cohort: { id: string; title: string };
  rubric: EvaluationSetup;
  /** Every team of the cohort in number order, with its evaluators (none yet: an empty list). */
  teams: { id: string; number: number; name: string | null; evaluators: CohortEvaluator[] }[];
  /**
   * The scores of submitted evaluations on the criteria the evaluators score, as the domain's scoring takes
   * them (evaluation-scoring.ts); drafts and reopened evaluations count for nothing until submitted.
   */
  submittedScores: SubmittedScore[];
}

/**
 * The coordinator's view of a cohort's evaluation: who evaluates which team and how far each has come,
 * and the submitted scores. Not found (404) for a cohort that is not the tenant's.
 */
export async function getCohortEvaluations(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<CohortEvaluations> {
  const { tenantId, cohortId } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  const { cohort, definition } = await loadCohort(tx, tenantId, cohortId);
  const rubric = evaluationSetup(definition);
  const scoredKeys = rubric.scored.map((criterion) => criterion.key);
  const teams = await tx.team.findMany({
    where: { tenantId, cohortId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      name: true,
      evaluatorAssignments: {
        where: { tenantId },
        orderBy: { assignedAt: "asc" },
        select: {
          id: true,
          evaluatorUserId: true,
          evaluator: {
            select: { staffMemberId: true, user: { select: { displayName: true, email: true } } },
          },
          evaluation: {
            select: {
              status: true,
              submittedAt: true,
              reopenedAt: true,
              scores: {
                where: { tenantId, criterionKey: { in: scoredKeys }, score: { not: null } },
                select: { criterionKey: true, score: true },
              },
            },
          },
        },
      },
    },
  });
  const submittedScores: SubmittedScore[] = [];
  for (const team of teams)
    for (const assignment of team.evaluatorAssignments)
      if (assignment.evaluation?.status === "submitted")
        for (const row of assignment.evaluation.scores)
          submittedScores.push({
            evaluatorId: assignment.evaluatorUserId,
            teamId: team.id,
            criterionKey: row.criterionKey,
            score: row.score as number,
          });
  return {
    cohort: { id: cohort.id, title: cohort.title },
    rubric,
    teams: teams.map((team) => ({
      id: team.id,
      number: team.number,
      name: team.name,
      evaluators: team.evaluatorAssignments.map((assignment) => ({
        assignmentId: assignment.id,
        evaluatorUserId: assignment.evaluatorUserId,
        name: assignment.evaluator.user.displayName,
        email: assignment.evaluator.user.email,
        outside: assignment.evaluator.staffMemberId === null,
        status: assignment.evaluation?.status ?? "draft",
        submittedAt: assignment.evaluation?.submittedAt ?? null,
        reopenedAt: assignment.evaluation?.reopenedAt ?? null,
      })),
    })),
    submittedScores,
  };
}
