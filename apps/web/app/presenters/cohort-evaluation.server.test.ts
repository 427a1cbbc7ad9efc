import {
  aggregateEvaluations,
  allocateAwards,
  builtinTemplate,
  rankTeams,
  type SubmittedScore,
  tieBreakOrder,
} from "@mentoring/domain";
import type { CohortResults } from "@mentoring/programs";
import { describe, expect, it } from "vitest";
import { presentCohortResults } from "./cohort-evaluation.server";

// The results part of the coordinator's evaluation page, from results the domain's own rules produce
// (Gangneung's rubric and awards: 최우수 1, 우수 2), with a tie at 우수's boundary.

const definition = builtinTemplate("reverse_mentoring");
const rubric = definition.rubric;
const teams = [1, 2, 3, 4].map((number) => ({ teamId: `team-${number}`, number }));
const facts = {
  attendance: { present: 4, expected: 4 },
  assignments: { onTime: 0, total: 0 },
  activitiesLogged: 3,
  meetingsLogged: 0,
  activityMonths: 6,
  prePostMeanChange: null,
};

/** Two evaluators score "results"; the computed criteria are equal for every team. */
function resultsOf(byTeam: Record<number, [number, number]>): CohortResults {
  const scores: SubmittedScore[] = teams.flatMap((team) =>
    (byTeam[team.number] ?? []).map((score, index) => ({
      evaluatorId: `evaluator-${index}`,
      teamId: team.teamId,
      criterionKey: "results",
      score,
    })),
  );
  const computed = teams.flatMap((team) => [
    { teamId: team.teamId, criterionKey: "training", score: 10 },
    { teamId: team.teamId, criterionKey: "activities", score: 5 },
  ]);
  const aggregated = aggregateEvaluations({
    criteria: rubric,
    normalisation: definition.evaluation.normalisation,
    disagreementThreshold: definition.evaluation.disagreementSpread,
    teams,
    scores,
    computed,
  });
  const ranked = rankTeams(aggregated, rubric);
  const allocations = allocateAwards(
    ranked,
    definition.awards.map((award, index) => ({ name: String(index), teams: award.teams })),
  );
  return {
    cohort: { id: "cohort", title: "거꾸로 멘토링 2기" },
    rubric: rubric.map((criterion) => ({
      key: criterion.key,
      name: criterion.name,
      weight: criterion.weight,
      scaleMax: criterion.scaleMax,
      source: criterion.source.kind,
      metric: criterion.source.kind === "computed" ? criterion.source.metric : null,
      target: criterion.source.kind === "computed" ? (criterion.source.target ?? null) : null,
    })),
    settings: definition.evaluation,
    activityMonths: 6,
    teams: teams.map((team) => ({
      teamId: team.teamId,
      number: team.number,
      name: null,
      members: [{ name: `팀원 ${team.number}`, role: "mentor" as const }],
      facts,
      computed: { training: 10, activities: 5 },
      evaluation: aggregated.find((row) => row.teamId === team.teamId) as (typeof aggregated)[number],
      evaluations: { submitted: byTeam[team.number] ? 2 : 0, expected: 2 },
    })),
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
      const award = definition.awards[index] as (typeof definition.awards)[number];
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
    evaluations: { submitted: 8, expected: 8 },
    disagreements: aggregated.filter((row) => row.disagreement).map((row) => row.teamId),
  };
}

describe("presentCohortResults", () => {
  it("ranks by team number with one-decimal scores and names the proposed awards", () => {
    const page = presentCohortResults(resultsOf({ 1: [6, 7], 2: [3, 4], 3: [9, 10], 4: [5, 6] }), "ko");
    expect(page.ranking.map((place) => [place.rank, place.number, place.award])).toEqual([
      [1, 3, "최우수"],
      [2, 1, "우수"],
      [3, 4, "우수"],
      [4, 2, null],
    ]);
    expect(page.ranking[0]?.scores.map((score) => score.value)).toEqual(["10.0", "5.0", expect.any(String)]);
    expect(page.awards.map((award) => [award.name, award.teams, award.ties])).toEqual([
      ["최우수", [3], []],
      ["우수", [1, 4], []],
    ]);
    expect(page.tieBreakOrder).toEqual(["활동 성과", "정기 교육 참여", "수시 활동 참여"]);
  });

  it("leaves three teams tied for 우수's two places to the coordinator, by team number", () => {
    const page = presentCohortResults(resultsOf({ 1: [6, 6], 2: [6, 6], 3: [9, 9], 4: [6, 6] }), "ko");
    expect(page.ranking.map((place) => [place.rank, place.sharesRank])).toEqual([
      [1, false],
      [2, true],
      [2, true],
      [2, true],
    ]);
    const excellence = page.awards.find((award) => award.name === "우수");
    expect(excellence?.ties).toEqual([{ rank: 2, places: 2, teams: [1, 2, 4] }]);
    expect(excellence?.teams).toEqual([]);
    expect(page.awards.find((award) => award.name === "최우수")?.teams).toEqual([3]);
  });

  it("shows a team nobody scored as missing the evaluators' criterion, in English", () => {
    const page = presentCohortResults(resultsOf({ 1: [6, 7], 2: [3, 4], 3: [9, 10] }), "en");
    const last = page.ranking.at(-1);
    expect(last).toMatchObject({ number: 4, complete: false, missing: ["Results"], award: null });
    expect(last?.scores.find((score) => score.key === "results")?.value).toBeNull();
  });
});
