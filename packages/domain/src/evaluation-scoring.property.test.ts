import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankTeams } from "./award-ranking";
import {
  aggregateEvaluations,
  type EvaluationScoringInput,
  type ScoreNormalisation,
  type ScoringCriterion,
  type SubmittedScore,
  type TeamEvaluation,
} from "./evaluation-scoring";

// Small pools, so that random panels often give equal scores, flat evaluators and shared ranks.
const scales = [2, 5, 10];

/** Weights of `count` criteria adding up to 100, each at least 1. */
const weightsArb = (count: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: count - 1, maxLength: count - 1 })
    .map((cuts) => {
      const bounds = [0, ...cuts.sort((a, b) => a - b), 100];
      return bounds.slice(1).map((bound, index) => bound - (bounds[index] ?? 0));
    });

const criteriaArb = (options: { computed: boolean }): fc.Arbitrary<ScoringCriterion[]> =>
  fc.integer({ min: 1, max: 4 }).chain((count) =>
    fc
      .tuple(
        weightsArb(count),
        fc.array(fc.constantFrom(...scales), { minLength: count, maxLength: count }),
        fc.array(options.computed ? fc.boolean() : fc.constant(false), {
          minLength: count,
          maxLength: count,
        }),
      )
      .map(([weights, scaleMaxes, computed]) =>
        weights.map(
          (weight, index): ScoringCriterion => ({
            key: `c${index}`,
            weight,
            scaleMax: scaleMaxes[index] ?? 10,
            // The first criterion is always scored by evaluators, so there is something to normalise.
            source: computed[index] && index > 0 ? { kind: "computed" } : { kind: "evaluators" },
          }),
        ),
      ),
  );

type Panel = EvaluationScoringInput & { evaluatorIds: string[] };

/**
 * A rubric, teams, evaluators and their scores. `full`: every evaluator scores every team on every
 * criterion; otherwise an evaluator scores some teams, and now and then leaves a criterion out.
 */
const panelArb = (options: { computed: boolean; full?: boolean; normalisation?: ScoreNormalisation }) =>
  fc
    .record({
      criteria: criteriaArb(options),
      teamCount: fc.integer({ min: 2, max: 6 }),
      evaluatorCount: fc.integer({ min: 1, max: 4 }),
      normalisation: options.normalisation
        ? fc.constant(options.normalisation)
        : fc.constantFrom<ScoreNormalisation[]>("z_score", "none"),
      disagreementThreshold: fc.integer({ min: 0, max: 40 }),
    })
    .chain(({ criteria, teamCount, evaluatorCount, normalisation, disagreementThreshold }) => {
      const teams = Array.from({ length: teamCount }, (_, index) => ({
        teamId: `t${index + 1}`,
        number: index + 1,
      }));
      const evaluatorIds = Array.from({ length: evaluatorCount }, (_, index) => `e${index + 1}`);
      const slots = evaluatorIds.flatMap((evaluatorId) =>
        teams.flatMap(({ teamId }) =>
          criteria
            .filter((criterion) => criterion.source.kind === "evaluators")
            .map((criterion) => ({ evaluatorId, teamId, criterion })),
        ),
      );
      const assigned = fc.array(options.full ? fc.constant(true) : fc.boolean(), {
        minLength: evaluatorCount * teamCount,
        maxLength: evaluatorCount * teamCount,
      });
      const leftOut = fc.array(
        options.full ? fc.constant(false) : fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
        {
          minLength: slots.length,
          maxLength: slots.length,
        },
      );
      const values = fc.tuple(...slots.map((slot) => fc.integer({ min: 0, max: slot.criterion.scaleMax })));
      const computedCriteria = criteria.filter((criterion) => criterion.source.kind === "computed");
      const figures = fc.tuple(
        ...teams.flatMap(() =>
          computedCriteria.map((criterion) =>
            fc.option(
              fc.integer({ min: 0, max: criterion.scaleMax * 10 }).map((tenths) => tenths / 10),
              { freq: 8 },
            ),
          ),
        ),
      );
      return fc
        .tuple(assigned, leftOut, values, figures)
        .map(([assignedFlags, leftOutFlags, scores, computed]): Panel => {
          const scoresOut: SubmittedScore[] = [];
          slots.forEach((slot, index) => {
            const evaluatorIndex = evaluatorIds.indexOf(slot.evaluatorId);
            const teamIndex = teams.findIndex((team) => team.teamId === slot.teamId);
            if (!assignedFlags[evaluatorIndex * teamCount + teamIndex] || leftOutFlags[index]) return;
            scoresOut.push({
              evaluatorId: slot.evaluatorId,
              teamId: slot.teamId,
              criterionKey: slot.criterion.key,
              score: scores[index] ?? 0,
            });
          });
          return {
            criteria,
            normalisation,
            disagreementThreshold,
            teams,
            evaluatorIds,
            scores: scoresOut,
            computed: teams.flatMap((team, teamIndex) =>
              computedCriteria.map((criterion, criterionIndex) => ({
                teamId: team.teamId,
                criterionKey: criterion.key,
                score: computed[teamIndex * computedCriteria.length + criterionIndex] ?? null,
              })),
            ),
          };
        });
    });

/** A permutation of a list. */
const shuffledArb = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const ranksOfComplete = (result: TeamEvaluation[], criteria: readonly ScoringCriterion[]) =>
  rankTeams(result, criteria)
    .filter((team) => team.complete)
    .map((team) => [team.teamId, team.rank]);

const meanZs = (result: TeamEvaluation[]) =>
  result.map((team) => team.criteria.map((criterion) => criterion.meanZ));

/** The panel with one evaluator's scores changed. */
const withEvaluatorScores = (
  panel: Panel,
  evaluatorId: string,
  change: (score: number) => number,
): Panel => ({
  ...panel,
  scores: panel.scores.map((entry) =>
    entry.evaluatorId === evaluatorId ? { ...entry, score: change(entry.score) } : entry,
  ),
});

const scaleOf = (panel: Panel, criterionKey: string) =>
  panel.criteria.find((criterion) => criterion.key === criterionKey)?.scaleMax ?? 0;

describe("aggregateEvaluations, for any panel", () => {
  it("gives the same result whatever the order of the teams, the scores and the computed figures", () => {
    fc.assert(
      fc.property(
        panelArb({ computed: true }).chain((panel) =>
          fc.tuple(
            fc.constant(panel),
            shuffledArb(panel.teams),
            shuffledArb(panel.scores),
            shuffledArb(panel.computed),
          ),
        ),
        ([panel, teams, scores, computed]) => {
          expect(aggregateEvaluations({ ...panel, teams, scores, computed })).toEqual(
            aggregateEvaluations(panel),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the same totals and ranking whatever the evaluators are called (their order among themselves)", () => {
    fc.assert(
      fc.property(
        panelArb({ computed: true }).chain((panel) =>
          fc.tuple(fc.constant(panel), shuffledArb(panel.evaluatorIds)),
        ),
        ([panel, renamed]) => {
          const rename = new Map(panel.evaluatorIds.map((id, index) => [id, renamed[index] ?? id]));
          const before = aggregateEvaluations(panel);
          const after = aggregateEvaluations({
            ...panel,
            scores: panel.scores.map((entry) => ({
              ...entry,
              evaluatorId: rename.get(entry.evaluatorId) ?? "",
            })),
          });
          after.forEach((team, index) => {
            expect(team.total).toBeCloseTo(before[index]?.total ?? Number.NaN, 9);
            expect(team.disagreement).toBe(before[index]?.disagreement);
          });
          expect(rankTeams(after, panel.criteria).map((team) => [team.teamId, team.rank])).toEqual(
            rankTeams(before, panel.criteria).map((team) => [team.teamId, team.rank]),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("with z-scores, is not moved by a constant added to all of one evaluator's scores", () => {
    fc.assert(
      fc.property(
        panelArb({ computed: true, normalisation: "z_score" }).chain((panel) =>
          fc.tuple(
            fc.constant(panel),
            fc.constantFrom(...panel.evaluatorIds),
            fc.integer({ min: -10, max: 10 }),
          ),
        ),
        ([panel, evaluatorId, wanted]) => {
          // The largest shift towards `wanted` that keeps every one of the evaluator's scores on its scale.
          const own = panel.scores.filter((entry) => entry.evaluatorId === evaluatorId);
          const lowest = Math.max(0, ...own.map((entry) => -entry.score));
          const highest = Math.min(
            10,
            ...own.map((entry) => scaleOf(panel, entry.criterionKey) - entry.score),
          );
          const shift = Math.min(highest, Math.max(-lowest, wanted));
          const before = aggregateEvaluations(panel);
          const after = aggregateEvaluations(
            withEvaluatorScores(panel, evaluatorId, (score) => score + shift),
          );

          expect(meanZs(after)).toEqual(meanZs(before));
          expect(ranksOfComplete(after, panel.criteria)).toEqual(ranksOfComplete(before, panel.criteria));
          // Every complete team's total moves by one and the same amount.
          const moves = after.flatMap((team, index) =>
            team.complete ? [team.total - (before[index]?.total ?? 0)] : [],
          );
          for (const move of moves) expect(move).toBeCloseTo(moves[0] ?? 0, 9);
          expect(after.map((team) => [team.spread, team.disagreement])).toEqual(
            before.map((team) => [team.spread, team.disagreement]),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("with z-scores, is not moved by all of one evaluator's scores multiplied by a positive factor", () => {
    fc.assert(
      fc.property(
        panelArb({ computed: false, normalisation: "z_score" }).chain((panel) =>
          fc.tuple(
            fc.constant(panel),
            fc.constantFrom(...panel.evaluatorIds),
            fc.integer({ min: 2, max: 5 }),
          ),
        ),
        ([generated, evaluatorId, factor]) => {
          // The evaluator's scores divided down so that multiplied they still fit the scale.
          const panel = withEvaluatorScores(generated, evaluatorId, (score) => Math.floor(score / factor));
          const before = aggregateEvaluations(panel);
          const after = aggregateEvaluations(
            withEvaluatorScores(panel, evaluatorId, (score) => score * factor),
          );

          expect(meanZs(after)).toEqual(meanZs(before));
          expect(ranksOfComplete(after, panel.criteria)).toEqual(ranksOfComplete(before, panel.criteria));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("without normalisation, totals the plain weighted mean of the scores", () => {
    fc.assert(
      fc.property(panelArb({ computed: true, normalisation: "none" }), (panel) => {
        for (const team of aggregateEvaluations(panel)) {
          let expected = 0;
          for (const criterion of panel.criteria) {
            const given = panel.scores.filter(
              (s) => s.teamId === team.teamId && s.criterionKey === criterion.key,
            );
            const figure = panel.computed.find(
              (c) => c.teamId === team.teamId && c.criterionKey === criterion.key,
            );
            const score =
              criterion.source.kind === "computed"
                ? (figure?.score ?? null)
                : given.length === 0
                  ? null
                  : given.reduce((sum, s) => sum + s.score, 0) / given.length;
            if (score !== null) expected += (criterion.weight * score) / criterion.scaleMax;
          }
          expect(team.total).toBeCloseTo(expected, 9);
          expect(team.total).toBeCloseTo(team.rawTotal, 9);
          expect(team.criteria.map((c) => c.normalised)).toEqual(team.criteria.map((c) => c.rawMean));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("without normalisation, when every evaluator scores everything, totals the mean of the evaluators' totals", () => {
    fc.assert(
      fc.property(panelArb({ computed: false, full: true, normalisation: "none" }), (panel) => {
        for (const team of aggregateEvaluations(panel)) {
          const own = panel.evaluatorIds.map((evaluatorId) =>
            panel.scores
              .filter((s) => s.teamId === team.teamId && s.evaluatorId === evaluatorId)
              .reduce((sum, s) => sum + (weightOf(panel, s) * s.score) / scaleOf(panel, s.criterionKey), 0),
          );
          expect(team.total).toBeCloseTo(own.reduce((a, b) => a + b, 0) / own.length, 9);
          if (own.length >= 2) expect(team.spread?.range).toBeCloseTo(Math.max(...own) - Math.min(...own), 9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("shows scores within their scales, flags exactly the spreads above the threshold, and is complete when nothing is missing", () => {
    fc.assert(
      fc.property(panelArb({ computed: true }), (panel) => {
        for (const team of aggregateEvaluations(panel)) {
          team.criteria.forEach((result, index) => {
            const scaleMax = panel.criteria[index]?.scaleMax ?? 0;
            if (result.normalised !== null) {
              expect(result.normalised).toBeGreaterThanOrEqual(0);
              expect(result.normalised).toBeLessThanOrEqual(scaleMax);
            }
          });
          expect(team.displayTotal).toBeGreaterThanOrEqual(0);
          expect(team.displayTotal).toBeLessThanOrEqual(100);
          expect(team.disagreement).toBe(
            team.spread !== null && team.spread.range > panel.disagreementThreshold,
          );
          expect(team.complete).toBe(team.criteria.every((c) => c.normalisedUnclamped !== null));
          expect(team.missing).toEqual(
            team.criteria.filter((c) => c.normalisedUnclamped === null).map((c) => c.key),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});

const weightOf = (panel: Panel, score: SubmittedScore) =>
  panel.criteria.find((criterion) => criterion.key === score.criterionKey)?.weight ?? 0;
