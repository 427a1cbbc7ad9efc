import { describe, expect, it } from "vitest";
import {
  aggregateEvaluations,
  type EvaluationScoringInput,
  type ScoringCriterion,
  type SubmittedScore,
  type TeamEvaluation,
} from "./evaluation-scoring";

const byEvaluators = { kind: "evaluators" } as const;
const teams = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ teamId: `t${index + 1}`, number: index + 1 }));

/** Scores as `evaluator: { team: score }` for one criterion. */
function scoresOn(criterionKey: string, table: Record<string, Record<string, number>>): SubmittedScore[] {
  return Object.entries(table).flatMap(([evaluatorId, byTeam]) =>
    Object.entries(byTeam).map(([teamId, score]) => ({ evaluatorId, teamId, criterionKey, score })),
  );
}

const base = (overrides: Partial<EvaluationScoringInput>): EvaluationScoringInput => ({
  criteria: [{ key: "overall", weight: 100, scaleMax: 10, source: byEvaluators }],
  normalisation: "z_score",
  disagreementThreshold: 20,
  teams: teams(3),
  scores: [],
  computed: [],
  ...overrides,
});

const team = (result: TeamEvaluation[], teamId: string) => {
  const found = result.find((entry) => entry.teamId === teamId);
  if (!found) throw new Error(`no ${teamId} in the result`);
  return found;
};

// Goseong's judges: effort 60 on a 10-point scale, creativity 40 on a 5-point scale.
const goseong: ScoringCriterion[] = [
  { key: "effort", weight: 60, scaleMax: 10, source: byEvaluators },
  { key: "creativity", weight: 40, scaleMax: 5, source: byEvaluators },
];
const goseongScores = [
  ...scoresOn("effort", { a: { t1: 8, t2: 6 }, b: { t1: 6, t2: 4 } }),
  ...scoresOn("creativity", { a: { t1: 4, t2: 3 }, b: { t1: 5, t2: 2 } }),
];

describe("aggregating without normalisation", () => {
  const result = aggregateEvaluations(
    base({
      criteria: goseong,
      normalisation: "none",
      teams: teams(2),
      scores: goseongScores,
      disagreementThreshold: 15,
    }),
  );

  it("gives each criterion the evaluators' mean and the total their weighted shares of the scales", () => {
    const first = team(result, "t1");
    expect(first.criteria.map((c) => [c.key, c.rawMean, c.normalised, c.evaluators])).toEqual([
      ["effort", 7, 7, 2],
      ["creativity", 4.5, 4.5, 2],
    ]);
    // 60 × 7/10 + 40 × 4.5/5
    expect(first.total).toBeCloseTo(78, 10);
    expect(first.rawTotal).toBeCloseTo(78, 10);
    expect(first.complete).toBe(true);
    expect(team(result, "t2").total).toBeCloseTo(50, 10);
  });

  it("measures the spread of the evaluators' own totals and flags the team above the threshold", () => {
    // t1: a 48 + 32 = 80, b 36 + 40 = 76; t2: a 36 + 24 = 60, b 24 + 16 = 40.
    expect(team(result, "t1").spread).toEqual({
      evaluators: 2,
      range: expect.closeTo(4, 10),
      standardDeviation: expect.closeTo(2, 10),
    });
    expect(team(result, "t1").disagreement).toBe(false);
    expect(team(result, "t2").spread).toEqual({
      evaluators: 2,
      range: expect.closeTo(20, 10),
      standardDeviation: expect.closeTo(10, 10),
    });
    expect(team(result, "t2").disagreement).toBe(true);
  });

  it("lists the teams in the order of their numbers", () => {
    const shuffled = aggregateEvaluations(
      base({
        criteria: goseong,
        normalisation: "none",
        teams: [...teams(2)].reverse(),
        scores: goseongScores,
      }),
    );
    expect(shuffled.map((entry) => entry.number)).toEqual([1, 2]);
  });
});

describe("aggregating with z-scores", () => {
  // A lenient and a harsh evaluator who see the three teams alike.
  const lenientAndHarsh = scoresOn("overall", {
    lenient: { t1: 9, t2: 8, t3: 7 },
    harsh: { t1: 5, t2: 4, t3: 3 },
  });

  it("maps each team's mean z back onto the scale with the mean of all scores and the pooled spread", () => {
    const result = aggregateEvaluations(base({ scores: lenientAndHarsh }));
    // Mean of all scores 6; both evaluators' z are (+1.22, 0, −1.22); pooled spread 0.816 points.
    expect(result.map((entry) => entry.criteria[0]?.normalised)).toEqual([
      expect.closeTo(7, 10),
      expect.closeTo(6, 10),
      expect.closeTo(5, 10),
    ]);
    expect(result.map((entry) => entry.total)).toEqual([
      expect.closeTo(70, 10),
      expect.closeTo(60, 10),
      expect.closeTo(50, 10),
    ]);
    expect(result.map((entry) => entry.criteria[0]?.rawMean)).toEqual([7, 6, 5]);
  });

  it("does not flag a team whose evaluators differ only in leniency, which the raw scores would", () => {
    const normalised = aggregateEvaluations(base({ scores: lenientAndHarsh }));
    const raw = aggregateEvaluations(base({ scores: lenientAndHarsh, normalisation: "none" }));
    expect(normalised.map((entry) => [entry.spread?.range, entry.disagreement])).toEqual([
      [0, false],
      [0, false],
      [0, false],
    ]);
    expect(raw.map((entry) => [entry.spread?.range, entry.disagreement])).toEqual([
      [40, true],
      [40, true],
      [40, true],
    ]);
  });

  it("puts the lenient evaluator's best team level with the harsh evaluator's best", () => {
    // Each evaluator scored two teams; raw, every team of the lenient one beats the harsh one's best.
    const result = aggregateEvaluations(
      base({
        teams: teams(4),
        scores: scoresOn("overall", { lenient: { t1: 10, t2: 8 }, harsh: { t3: 7, t4: 3 } }),
      }),
    );
    const totals = result.map((entry) => entry.total);
    expect(totals[0]).toBeCloseTo(totals[2] ?? Number.NaN, 10);
    expect(totals[1]).toBeCloseTo(totals[3] ?? Number.NaN, 10);
    expect(totals[0]).toBeGreaterThan(totals[1] ?? Number.POSITIVE_INFINITY);
    // Mean of all scores 7, pooled spread √((2 + 8) / 4) = 1.58 points.
    expect(result[0]?.criteria[0]?.normalised).toBeCloseTo(7 + Math.sqrt(2.5), 10);
  });

  it("gives back a single evaluator's own scores on a single criterion", () => {
    const result = aggregateEvaluations(
      base({ scores: scoresOn("overall", { only: { t1: 9, t2: 4, t3: 2 } }) }),
    );
    expect(result.map((entry) => entry.criteria[0]?.normalised)).toEqual([
      expect.closeTo(9, 10),
      expect.closeTo(4, 10),
      expect.closeTo(2, 10),
    ]);
  });

  it("counts an evaluator who scored one team, or gave every team the same score, as z = 0", () => {
    const result = aggregateEvaluations(
      base({
        scores: scoresOn("overall", { a: { t1: 10, t2: 0 }, once: { t1: 3 }, flat: { t1: 6, t2: 6, t3: 6 } }),
      }),
    );
    expect(result.map((entry) => entry.criteria[0]?.meanZ)).toEqual([1 / 3, -1 / 2, 0]);
  });

  it("shows a score above the scale at its top, and totals and ranks on the value before that", () => {
    // a: z(t1) = 2; b: z(t1) = 1.22; mean of all scores 3, pooled spread 4.47 points → t1 at 10.2.
    const result = aggregateEvaluations(
      base({
        teams: teams(5),
        scores: scoresOn("overall", {
          a: { t1: 10, t2: 0, t3: 0, t4: 0, t5: 0 },
          b: { t1: 10, t2: 10, t3: 0, t4: 0, t5: 0 },
        }),
      }),
    );
    const first = result[0]?.criteria[0];
    expect(first?.normalised).toBe(10);
    expect(first?.normalisedUnclamped).toBeCloseTo(3 + ((2 + Math.sqrt(1.5)) / 2) * Math.sqrt(20), 10);
    expect(result[0]?.total).toBeGreaterThan(100);
    expect(result[0]?.displayTotal).toBe(100);
  });
});

describe("computed criteria and missing scores", () => {
  const criteria: ScoringCriterion[] = [
    { key: "creativity", weight: 70, scaleMax: 10, source: byEvaluators },
    { key: "attendance", weight: 30, scaleMax: 10, source: { kind: "computed" } },
  ];
  const result = aggregateEvaluations(
    base({
      criteria,
      normalisation: "none",
      scores: scoresOn("creativity", { a: { t1: 8, t2: 6 }, b: { t1: 6 } }),
      computed: [
        { teamId: "t1", criterionKey: "attendance", score: 8.5 },
        { teamId: "t2", criterionKey: "attendance", score: null },
      ],
    }),
  );

  it("uses a computed figure as it is, with no evaluators", () => {
    expect(team(result, "t1").criteria[1]).toEqual({
      key: "attendance",
      source: "computed",
      evaluators: 0,
      rawMean: 8.5,
      meanZ: null,
      normalisedUnclamped: 8.5,
      normalised: 8.5,
    });
    // 70 × 7/10 + 30 × 8.5/10
    expect(team(result, "t1").total).toBeCloseTo(74.5, 10);
  });

  it("marks a team incomplete when a figure or every evaluator's score is missing, totalling what it has", () => {
    expect(team(result, "t2")).toMatchObject({ complete: false, missing: ["attendance"] });
    expect(team(result, "t2").total).toBeCloseTo(42, 10);
    expect(team(result, "t3")).toMatchObject({
      complete: false,
      missing: ["creativity", "attendance"],
      total: 0,
    });
    expect(team(result, "t3").criteria[0]).toMatchObject({ evaluators: 0, rawMean: null, normalised: null });
  });

  it("takes the spread only over evaluators who scored every evaluator-scored criterion of the team", () => {
    expect(team(result, "t1").spread).toEqual({ evaluators: 2, range: 14, standardDeviation: 7 });
    expect(team(result, "t2").spread).toBeNull();
    expect(team(result, "t2").disagreement).toBe(false);
  });
});

describe("input the rubric and the forms should have refused", () => {
  const refuses = (overrides: Partial<EvaluationScoringInput>, message: RegExp) =>
    expect(() => aggregateEvaluations(base(overrides))).toThrow(message);

  it("is refused, saying what is wrong", () => {
    refuses(
      {
        criteria: [
          { key: "a", weight: 51, scaleMax: 10, source: byEvaluators },
          { key: "b", weight: 50, scaleMax: 10, source: byEvaluators },
        ],
      },
      /add up to 101/,
    );
    refuses({ scores: scoresOn("overall", { a: { t1: 11 } }) }, /outside overall's scale 0..10/);
    refuses({ scores: scoresOn("overall", { a: { t1: 2.5 } }) }, /outside/);
    refuses({ scores: scoresOn("nothing", { a: { t1: 1 } }) }, /unknown criterion nothing/);
    refuses({ scores: scoresOn("overall", { a: { t9: 1 } }) }, /unknown team t9/);
    refuses(
      { scores: [...scoresOn("overall", { a: { t1: 1 } }), ...scoresOn("overall", { a: { t1: 2 } })] },
      /twice/,
    );
    refuses({ teams: [...teams(2), { teamId: "t1", number: 3 }] }, /t1 appears twice/);
    refuses({ disagreementThreshold: -1 }, /threshold/);
    refuses(
      {
        criteria: [{ key: "overall", weight: 100, scaleMax: 10, source: { kind: "computed" } }],
        scores: scoresOn("overall", { a: { t1: 1 } }),
      },
      /is computed/,
    );
    refuses(
      {
        criteria: [{ key: "overall", weight: 100, scaleMax: 10, source: { kind: "computed" } }],
        computed: [{ teamId: "t1", criterionKey: "overall", score: 10.5 }],
      },
      /outside/,
    );
  });
});
