import {
  aggregateEvaluations,
  allocateAwards,
  type ComputedScore,
  computedCriterionScore,
  isComputedCriterion,
  rankTeams,
  type SubmittedScore,
  type TemplateDefinition,
  tieBreakOrder,
} from "@mentoring/domain";
import type { CohortResults, ResultsTeam } from "../evaluations/get-cohort-results";

/** What the results are made of: the cohort's teams as they stand and the panel's submitted scores. */
export interface CohortResultsInput {
  cohort: { id: string; title: string };
  activityMonths: number;
  /** Every team in number order, its members in the order the results show them. */
  teams: Pick<ResultsTeam, "teamId" | "number" | "name" | "members" | "facts" | "evaluations">[];
  scores: SubmittedScore[];
}

/**
 * The results from the teams and scores, by the template's rules: computed criteria from each team's
 * facts, combined with the panel's scores, ranked, and the awards proposed. No I/O.
 */
export function cohortResultsOf(definition: TemplateDefinition, input: CohortResultsInput): CohortResults {
  const rubric = definition.rubric;
  const settings = definition.evaluation;
  const computed: ComputedScore[] = input.teams.flatMap((team) =>
    rubric.filter(isComputedCriterion).map((criterion) => ({
      teamId: team.teamId,
      criterionKey: criterion.key,
      score: computedCriterionScore(criterion, team.facts),
    })),
  );
  const aggregated = aggregateEvaluations({
    criteria: rubric,
    normalisation: settings.normalisation,
    disagreementThreshold: settings.disagreementSpread,
    teams: input.teams.map((team) => ({ teamId: team.teamId, number: team.number })),
    scores: input.scores,
    computed,
  });
  const ranked = rankTeams(aggregated, rubric);
  // allocateAwards names an award by a string: its place in the template's list.
  const allocations = allocateAwards(
    ranked,
    definition.awards.map((award, index) => ({ name: String(index), teams: award.teams })),
  );
  const teams = input.teams.map((team): ResultsTeam => {
    const evaluation = aggregated.find((row) => row.teamId === team.teamId);
    if (!evaluation) throw new Error(`team ${team.teamId} has no result`);
    return {
      ...team,
      computed: Object.fromEntries(
        computed.filter((row) => row.teamId === team.teamId).map((row) => [row.criterionKey, row.score]),
      ),
      evaluation,
    };
  });
  return {
    cohort: input.cohort,
    rubric: rubric.map((criterion) => ({
      key: criterion.key,
      name: criterion.name,
      weight: criterion.weight,
      scaleMax: criterion.scaleMax,
      source: criterion.source.kind,
      metric: criterion.source.kind === "computed" ? criterion.source.metric : null,
      target: criterion.source.kind === "computed" ? (criterion.source.target ?? null) : null,
    })),
    settings,
    activityMonths: input.activityMonths,
    teams,
    ranking: ranked.map(({ teamId, number, rank, sharesRank, complete, total, displayTotal }) => ({
      teamId,
      number,
      rank,
      sharesRank,
      complete,
      total,
      displayTotal,
    })),
    awards: allocations.map((allocation, index) => {
      const award = definition.awards[index];
      if (!award) throw new Error(`award ${allocation.name} is not the template's`);
      return {
        name: award.name,
        prize: award.prize,
        certificateTitle: award.certificateTitle,
        places: allocation.places,
        teamIds: allocation.teamIds,
        tiesAtBoundary: allocation.tiesAtBoundary,
      };
    }),
    tieBreakOrder: tieBreakOrder(rubric),
    evaluations: {
      submitted: teams.reduce((sum, team) => sum + team.evaluations.submitted, 0),
      expected: teams.reduce((sum, team) => sum + team.evaluations.expected, 0),
    },
    disagreements: aggregated.filter((row) => row.disagreement).map((row) => row.teamId),
  };
}
