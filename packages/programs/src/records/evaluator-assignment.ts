import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type AppErrorCode,
  appErrors,
  type EvaluationEntry,
  type EvaluationInputProblem,
  normalisedComment,
} from "@mentoring/domain";
import { UUID } from "./certificate-cohort";

/** What the evaluator's use cases read of their assignment to a team: the team, the evaluation, its scores. */
const assignmentSelect = {
  id: true,
  cohortId: true,
  teamId: true,
  evaluatorUserId: true,
  team: { select: { number: true, name: true } },
  evaluation: {
    select: {
      id: true,
      status: true,
      submittedAt: true,
      reopenedAt: true,
      scores: { select: { criterionKey: true, score: true, comment: true } },
    },
  },
} as const;

/**
 * The evaluator's own assignment to the team, or not found (404): a team they are not assigned to does
 * not exist for them, whether or not it does for others (never "forbidden", which would tell them so).
 */
export async function myAssignment(
  tx: TenantDb,
  input: { tenantId: string; evaluatorUserId: string; teamId: string },
) {
  const { tenantId, evaluatorUserId, teamId } = input;
  const assignment = UUID.test(teamId)
    ? await tx.evaluatorAssignment.findFirst({
        where: { tenantId, teamId, evaluatorUserId },
        select: assignmentSelect,
      })
    : null;
  if (!assignment?.evaluation) throw new AppError("evaluation.not_found");
  return { ...assignment, evaluation: assignment.evaluation };
}

/** An assignment of the cohort by its id, for the coordinator, or not found (404). */
export async function cohortAssignment(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; assignmentId: string },
) {
  const { tenantId, cohortId, assignmentId } = input;
  const assignment = UUID.test(assignmentId)
    ? await tx.evaluatorAssignment.findFirst({
        where: { tenantId, cohortId, id: assignmentId },
        select: assignmentSelect,
      })
    : null;
  if (!assignment?.evaluation) throw new AppError("evaluation.not_found");
  return { ...assignment, evaluation: assignment.evaluation };
}

/**
 * Refuses input with problems: the first problem's code, and every problem named by its field with its
 * own message, so that a form shows each beside its field.
 */
export function refuseProblems(problems: readonly EvaluationInputProblem[]): void {
  const [first] = problems;
  if (!first) return;
  throw new AppError(first.code as AppErrorCode, first.params, {
    fields: problems.map((problem) => ({
      path: problem.path,
      message: appErrors[problem.code].message,
      params: problem.params,
    })),
  });
}

/** Scores and comments by criterion key, as stored. */
export function entriesOf(
  scores: readonly { criterionKey: string; score: number | null; comment: string }[],
) {
  return Object.fromEntries(
    scores.map((row) => [row.criterionKey, { score: row.score, comment: row.comment }]),
  ) as Record<string, { score: number | null; comment: string }>;
}

/**
 * Stores checked entries in a draft, one row per criterion changed in place: a score or comment left out
 * of an entry keeps what it had. Refused (evaluation.already_submitted) when the evaluation is no longer a
 * draft; the update that says so also holds the evaluation's row until the transaction ends, so a
 * submission at the same moment waits for this save, or this save for it.
 */
export async function writeDraftEntries(
  tx: TenantDb,
  input: { tenantId: string; evaluationId: string; entries: Record<string, EvaluationEntry>; now: Date },
): Promise<void> {
  const { tenantId, evaluationId, entries, now } = input;
  const draft = await tx.evaluation.updateMany({
    where: { tenantId, id: evaluationId, status: "draft" },
    data: { updatedAt: now },
  });
  if (draft.count === 0) throw new AppError("evaluation.already_submitted");
  for (const [criterionKey, entry] of Object.entries(entries)) {
    const score = entry.score === undefined ? {} : { score: entry.score };
    const comment = entry.comment === undefined ? {} : { comment: normalisedComment(entry.comment) };
    await tx.evaluationScore.upsert({
      where: { tenantId_evaluationId_criterionKey: { tenantId, evaluationId, criterionKey } },
      create: { tenantId, evaluationId, criterionKey, ...score, ...comment },
      update: { ...score, ...comment },
    });
  }
}
