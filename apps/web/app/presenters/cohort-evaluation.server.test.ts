import { builtinTemplate, type SubmittedScore } from "@mentoring/domain";
import { type CohortResults, cohortResultsOf } from "@mentoring/programs";
import { describe, expect, it } from "vitest";
import { presentCohortResults } from "./cohort-evaluation.server";

// The results part of the coordinator's evaluation page, from results the programs' own rules produce
// (Gangneung's rubric and awards: 최우수 1, 우수 2), with a tie at 우수's boundary.

const definition = builtinTemplate("reverse_mentoring");
const teams = [1, 2, 3, 4].map((number) => ({ teamId: `team-${number}`, number }));
/** The same facts for every team: the computed criteria are equal, so the evaluators' scores decide. */
const facts = {
  attendance: { present: 4, expected: 4 },
  assignments: { onTime: 0, total: 0 },
  activitiesLogged: 3,
  meetingsLogged: 0,
  activityMonths: 6,
  prePostMeanChange: null,
};

/** Two evaluators score "results" (a team left out of `byTeam` is scored by nobody). */
function resultsOf(byTeam: Record<number, [number, number]>): CohortResults {
  const scores: SubmittedScore[] = teams.flatMap((team) =>
    (byTeam[team.number] ?? []).map((score, index) => ({
      evaluatorId: `evaluator-${index}`,
      teamId: team.teamId,
      criterionKey: "results",
      score,
    })),
  );
  return cohortResultsOf(definition, {
    cohort: { id: "cohort", title: "거꾸로 멘토링 2기" },
    activityMonths: 6,
    scores,
    teams: teams.map((team) => ({
      ...team,
      name: null,
      members: [{ name: `팀원 ${team.number}`, role: "mentor" as const }],
      facts,
      evaluations: { submitted: byTeam[team.number] ? 2 : 0, expected: 2 },
    })),
  });
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
