import { localize } from "@mentoring/domain";
import type { CohortEvaluations, CohortResults, EvaluatorChoices } from "@mentoring/programs";
import { formatDateTime, formatNumber } from "../services/format.server";

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

/**
 * The results part of the page: the rubric's criteria named in the reader's language, the ranking best first
 * with each team's total and normalised criterion scores (one decimal), the evaluators' spread and whether
 * it is flagged, what is missing; the proposed awards by team number, with any tie at an award's boundary;
 * the tie rules' criteria in the order they are compared.
 */
export function presentCohortResults(results: CohortResults, locale: string) {
  const oneDecimal = (value: number) =>
    formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const criteria = results.rubric.map((criterion) => ({
    key: criterion.key,
    name: localize(criterion.name, locale),
    weight: criterion.weight,
    scaleMax: criterion.scaleMax,
    source: criterion.source,
    metric: criterion.metric,
  }));
  const nameOf = new Map(criteria.map((criterion) => [criterion.key, criterion.name]));
  const teamOf = new Map(results.teams.map((team) => [team.teamId, team]));
  const numberOf = (teamId: string) => teamOf.get(teamId)?.number ?? 0;
  const awardOf = new Map<string, string>();
  for (const award of results.awards)
    for (const teamId of award.teamIds) awardOf.set(teamId, localize(award.name, locale));
  return {
    criteria,
    normalisation: results.settings.normalisation,
    disagreementSpread: results.settings.disagreementSpread,
    tieBreakOrder: results.tieBreakOrder.map((key) => nameOf.get(key) ?? key),
    evaluations: results.evaluations,
    ranking: results.ranking.map((place) => {
      const team = teamOf.get(place.teamId);
      const evaluation = team?.evaluation;
      const spread = evaluation?.spread ?? null;
      return {
        teamId: place.teamId,
        number: place.number,
        rank: place.rank,
        sharesRank: place.sharesRank,
        complete: place.complete,
        total: oneDecimal(place.displayTotal),
        members: team?.members.map((member) => member.name) ?? [],
        scores: criteria.map((criterion) => {
          const value = evaluation?.criteria.find((row) => row.key === criterion.key)?.normalised ?? null;
          return { key: criterion.key, value: value === null ? null : oneDecimal(value) };
        }),
        spread: spread
          ? {
              evaluators: spread.evaluators,
              range: oneDecimal(spread.range),
              standardDeviation: oneDecimal(spread.standardDeviation),
            }
          : null,
        disagreement: evaluation?.disagreement ?? false,
        missing: (evaluation?.missing ?? []).map((key) => nameOf.get(key) ?? key),
        evaluations: team?.evaluations ?? { submitted: 0, expected: 0 },
        award: awardOf.get(place.teamId) ?? null,
      };
    }),
    awards: results.awards.map((award, index) => ({
      key: String(index),
      name: localize(award.name, locale),
      prize: localize(award.prize, locale),
      places: award.places,
      teams: award.teamIds.map(numberOf),
      ties: award.tiesAtBoundary.map((tie) => ({
        rank: tie.rank,
        places: tie.places,
        teams: tie.teamIds.map(numberOf).sort((a, b) => a - b),
      })),
    })),
    disagreements: results.disagreements.map(numberOf).sort((a, b) => a - b),
  };
}

export type CohortResultsPage = ReturnType<typeof presentCohortResults>;
