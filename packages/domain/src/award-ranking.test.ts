import { describe, expect, it } from "vitest";
import {
  type AllocatableTeam,
  allocateAwards,
  type RankableTeam,
  rankTeams,
  tieBreakOrder,
} from "./award-ranking";
import { aggregateEvaluations } from "./evaluation-scoring";

// Goseong's judges: effort 40, creativity 40, feasibility 20.
const criteria = [
  { key: "effort", weight: 40 },
  { key: "creativity", weight: 40 },
  { key: "feasibility", weight: 20 },
];

function team(
  number: number,
  total: number,
  scores: [number | null, number | null, number | null] = [5, 5, 5],
): RankableTeam {
  return {
    teamId: `t${number}`,
    number,
    complete: scores.every((score) => score !== null),
    total,
    criteria: criteria.map((criterion, index) => ({
      key: criterion.key,
      normalisedUnclamped: scores[index] ?? null,
    })),
  };
}

const ranks = (teams: RankableTeam[]) =>
  rankTeams(teams, criteria).map((entry) => [entry.teamId, entry.rank, entry.sharesRank]);

describe("ranking teams", () => {
  it("puts the higher total first", () => {
    expect(ranks([team(1, 70), team(2, 85), team(3, 77)])).toEqual([
      ["t2", 1, false],
      ["t3", 2, false],
      ["t1", 3, false],
    ]);
  });

  it("breaks a tie on the total by the heaviest criterion, then the next, equal weights in rubric order", () => {
    expect(tieBreakOrder(criteria)).toEqual(["effort", "creativity", "feasibility"]);
    expect(
      ranks([
        team(1, 80, [7, 9, 9]),
        team(2, 80, [8, 1, 1]),
        team(3, 80, [7, 9.5, 0]),
        team(4, 80, [7, 9.5, 3]),
      ]),
    ).toEqual([
      ["t2", 1, false],
      ["t4", 2, false],
      ["t3", 3, false],
      ["t1", 4, false],
    ]);
    const feasibilityFirst = [
      { key: "effort", weight: 30 },
      { key: "feasibility", weight: 70 },
    ];
    expect(
      rankTeams(
        [
          {
            teamId: "a",
            number: 1,
            complete: true,
            total: 60,
            criteria: [
              { key: "effort", normalisedUnclamped: 9 },
              { key: "feasibility", normalisedUnclamped: 5 },
            ],
          },
          {
            teamId: "b",
            number: 2,
            complete: true,
            total: 60,
            criteria: [
              { key: "effort", normalisedUnclamped: 4 },
              { key: "feasibility", normalisedUnclamped: 6 },
            ],
          },
        ],
        feasibilityFirst,
      ).map((entry) => entry.teamId),
    ).toEqual(["b", "a"]);
  });

  it("lets teams equal on every rule share a rank, listed by number, and skips the ranks they fill", () => {
    expect(ranks([team(3, 90, [8, 8, 8]), team(1, 90, [8, 8, 8]), team(2, 95), team(4, 60)])).toEqual([
      ["t2", 1, false],
      ["t1", 2, true],
      ["t3", 2, true],
      ["t4", 4, false],
    ]);
  });

  it("ranks every incomplete team after the complete ones, a missing score below any score", () => {
    expect(ranks([team(1, 95, [9, 9, null]), team(2, 40), team(3, 95, [9, null, 9]), team(4, 30)])).toEqual([
      ["t2", 1, false],
      ["t4", 2, false],
      ["t1", 3, false],
      ["t3", 4, false],
    ]);
  });

  it("counts totals equal but for the last binary digit as equal", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(ranks([team(1, 0.1 + 0.2), team(2, 0.3)])).toEqual([
      ["t1", 1, true],
      ["t2", 1, true],
    ]);
  });
});

const ranked = (...entries: [rank: number, complete?: boolean][]): AllocatableTeam[] =>
  entries.map(([rank, complete], index) => ({
    teamId: `t${index + 1}`,
    number: index + 1,
    rank,
    complete: complete ?? true,
  }));

// Goseong: 1 grand prize, 2 excellence, 2 encouragement.
const goseongAwards = [
  { name: "최우수", teams: 1 },
  { name: "우수", teams: 2 },
  { name: "장려", teams: 2 },
];

describe("allocating awards", () => {
  it("gives each award its number of teams from the top, in the template's order", () => {
    const result = allocateAwards(ranked([1], [2], [3], [4], [5], [6], [7]), goseongAwards);
    expect(result).toEqual([
      { name: "최우수", places: 1, teamIds: ["t1"], tiesAtBoundary: [] },
      { name: "우수", places: 2, teamIds: ["t2", "t3"], tiesAtBoundary: [] },
      { name: "장려", places: 2, teamIds: ["t4", "t5"], tiesAtBoundary: [] },
    ]);
  });

  it("gives an award to every team of a shared rank that fits within it", () => {
    const result = allocateAwards(ranked([1], [2], [2], [4], [5]), goseongAwards);
    expect(result.map((award) => [award.teamIds, award.tiesAtBoundary])).toEqual([
      [["t1"], []],
      [["t2", "t3"], []],
      [["t4", "t5"], []],
    ]);
  });

  it("reports a tie across two awards on both, with the places at stake, and goes on below it", () => {
    const result = allocateAwards(ranked([1], [1], [3], [4], [5]), goseongAwards);
    expect(result).toEqual([
      {
        name: "최우수",
        places: 1,
        teamIds: [],
        tiesAtBoundary: [{ rank: 1, teamIds: ["t1", "t2"], places: 1 }],
      },
      {
        name: "우수",
        places: 2,
        teamIds: ["t3"],
        tiesAtBoundary: [{ rank: 1, teamIds: ["t1", "t2"], places: 1 }],
      },
      { name: "장려", places: 2, teamIds: ["t4", "t5"], tiesAtBoundary: [] },
    ]);
  });

  it("reports a tie for the last places rather than cutting it", () => {
    const result = allocateAwards(ranked([1], [2], [3], [4], [5], [5], [5]), goseongAwards);
    expect(result[2]).toEqual({
      name: "장려",
      places: 2,
      teamIds: ["t4"],
      tiesAtBoundary: [{ rank: 5, teamIds: ["t5", "t6", "t7"], places: 1 }],
    });
  });

  it("gives nothing to an incomplete team, and leaves an award short when the teams run out", () => {
    const result = allocateAwards(ranked([1], [2], [3, false]), goseongAwards);
    expect(result.map((award) => award.teamIds)).toEqual([["t1"], ["t2"], []]);
  });

  it("skips an award for no teams and refuses one for a negative number", () => {
    const result = allocateAwards(ranked([1], [2]), [
      { name: "대상", teams: 0 },
      { name: "최우수", teams: 1 },
    ]);
    expect(result.map((award) => award.teamIds)).toEqual([[], ["t1"]]);
    expect(() => allocateAwards(ranked([1]), [{ name: "우수", teams: -1 }])).toThrow(/우수/);
  });
});

describe("from a panel's scores to the awards", () => {
  // Gangneung's 2nd cohort: 10 teams, two staff evaluators and a harsher outside trainer who sees the
  // teams alike. t1, t2 and t3 come out level on the total; effort, first in the rubric, separates them.
  const rubric = [
    { key: "effort", weight: 50, scaleMax: 10, source: { kind: "evaluators" } },
    { key: "creativity", weight: 50, scaleMax: 10, source: { kind: "evaluators" } },
  ] as const;
  const staffScores: Record<string, [number, number]> = {
    t1: [10, 8],
    t2: [8, 10],
    t3: [9, 9],
    t4: [7, 7],
    t5: [6, 6],
    t6: [5, 5],
    t7: [4, 4],
    t8: [3, 3],
    t9: [2, 2],
    t10: [2, 2],
  };
  const scores = Object.entries(staffScores).flatMap(([teamId, [effort, creativity]]) =>
    (
      [
        ["staff-1", 0],
        ["staff-2", 0],
        ["trainer", -2],
      ] as const
    ).flatMap(([evaluatorId, offset]) => [
      { evaluatorId, teamId, criterionKey: "effort", score: effort + offset },
      { evaluatorId, teamId, criterionKey: "creativity", score: creativity + offset },
    ]),
  );
  const evaluations = aggregateEvaluations({
    criteria: rubric,
    normalisation: "z_score",
    disagreementThreshold: 15,
    teams: Object.keys(staffScores).map((teamId) => ({ teamId, number: Number(teamId.slice(1)) })),
    scores,
    computed: [],
  });
  const ranking = rankTeams(evaluations, rubric);

  it("ranks level totals by the heaviest criterion, and lets identical teams share a rank", () => {
    expect(ranking.map((entry) => [entry.teamId, entry.rank])).toEqual([
      ["t1", 1],
      ["t3", 2],
      ["t2", 3],
      ["t4", 4],
      ["t5", 5],
      ["t6", 6],
      ["t7", 7],
      ["t8", 8],
      ["t9", 9],
      ["t10", 9],
    ]);
    expect(ranking[0]?.total).toBeCloseTo(ranking[2]?.total ?? Number.NaN, 9);
    // The trainer's harshness is no disagreement.
    expect(evaluations.some((entry) => entry.disagreement)).toBe(false);
  });

  it("gives 최우수 to one team and 우수 to two", () => {
    expect(
      allocateAwards(ranking, [
        { name: "최우수", teams: 1 },
        { name: "우수", teams: 2 },
      ]).map((award) => [award.name, award.teamIds, award.tiesAtBoundary]),
    ).toEqual([
      ["최우수", ["t1"], []],
      ["우수", ["t3", "t2"], []],
    ]);
  });
});
