import type { CohortEvaluations, EvaluatorChoices } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

/**
 * The coordinator's evaluation page of a cohort: each team with its members (and their departments, which
 * the conflict rule reads) beside its evaluators and how far each has come, times worded in the tenant's
 * zone; the members one may assign, and the invited trainers who have not joined yet.
 */
export function presentCohortEvaluation(
  evaluations: CohortEvaluations,
  choices: EvaluatorChoices,
  locale: string,
  timeZone: string,
) {
  const when = (moment: Date) =>
    formatDateTime(moment, locale, timeZone, { dateStyle: "medium", timeStyle: "short" });
  const membersOf = new Map(choices.teams.map((team) => [team.id, team.members]));
  const teams = evaluations.teams.map((team) => ({
    id: team.id,
    number: team.number,
    members: membersOf.get(team.id) ?? [],
    evaluators: team.evaluators.map((evaluator) => ({
      assignmentId: evaluator.assignmentId,
      name: evaluator.name,
      email: evaluator.email,
      outside: evaluator.outside,
      status: evaluator.status,
      submittedAt: evaluator.submittedAt ? when(evaluator.submittedAt) : null,
      reopenedAt: evaluator.reopenedAt ? when(evaluator.reopenedAt) : null,
    })),
  }));
  return {
    cohort: evaluations.cohort,
    teams,
    candidates: choices.members.map((member) => ({
      userId: member.userId,
      name: member.name,
      email: member.email,
      department: member.department,
      evaluator: member.evaluator,
    })),
    pendingInvitations: choices.pendingInvitations.map((invitation) => ({
      email: invitation.email,
      expiresOn: formatDateTime(invitation.expiresAt, locale, timeZone, { dateStyle: "medium" }),
    })),
    progress: {
      assignments: teams.reduce((sum, team) => sum + team.evaluators.length, 0),
      submitted: teams.reduce(
        (sum, team) => sum + team.evaluators.filter((evaluator) => evaluator.status === "submitted").length,
        0,
      ),
      teamsWithout: teams.filter((team) => team.evaluators.length === 0).length,
    },
  };
}

export type CohortEvaluationPage = ReturnType<typeof presentCohortEvaluation>;
