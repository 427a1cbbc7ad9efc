import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import {
  type ComputedRubricCriterion,
  isComputedCriterion,
  type RubricMetric,
  rubricMetrics,
} from "./rubric";
import { computedCriterionScore, type TeamFacts } from "./rubric-metrics";

const facts = (change: Partial<TeamFacts> = {}): TeamFacts => ({
  attendance: { present: 0, expected: 0 },
  assignments: { onTime: 0, total: 0 },
  activitiesLogged: 0,
  meetingsLogged: 0,
  activityMonths: 0,
  prePostMeanChange: null,
  ...change,
});

const computed = (metric: RubricMetric, target?: number, scaleMax = 10): ComputedRubricCriterion => ({
  key: metric,
  name: { ko: metric },
  weight: 100,
  scaleMax,
  source: { kind: "computed", metric, ...(target === undefined ? {} : { target }) },
});

describe("computedCriterionScore", () => {
  it("scores attendance as present ÷ expected of the scale, with one decimal", () => {
    const score = computedCriterionScore(
      computed("attendance_rate"),
      facts({ attendance: { present: 25, expected: 28 } }),
    );
    // 25 / 28 × 10 = 8.928…
    expect(score).toBe(8.9);
  });

  it("scores assignments as on time ÷ due of the scale", () => {
    const criterion = computed("assignments_on_time", undefined, 20);
    expect(computedCriterionScore(criterion, facts({ assignments: { onTime: 3, total: 4 } }))).toBe(15);
    expect(computedCriterionScore(criterion, facts({ assignments: { onTime: 0, total: 4 } }))).toBe(0);
  });

  it("gives full marks for activities at the target every month, and a share below it", () => {
    const criterion = computed("activities_logged", 1);
    expect(computedCriterionScore(criterion, facts({ activitiesLogged: 7, activityMonths: 7 }))).toBe(10);
    expect(computedCriterionScore(criterion, facts({ activitiesLogged: 3, activityMonths: 7 }))).toBe(4.3);
  });

  it("caps a count above the target at full marks", () => {
    const criterion = computed("meeting_frequency", 2);
    expect(computedCriterionScore(criterion, facts({ meetingsLogged: 30, activityMonths: 6 }))).toBe(10);
    // 9 meetings in 6 months at 2 a month: 9 / 12 × 10 = 7.5.
    expect(computedCriterionScore(criterion, facts({ meetingsLogged: 9, activityMonths: 6 }))).toBe(7.5);
  });

  it("scores a pre/post change as its share of the target, none for a decline, full above the target", () => {
    const criterion = computed("prepost_change", 20);
    expect(computedCriterionScore(criterion, facts({ prePostMeanChange: 12.5 }))).toBe(6.3);
    expect(computedCriterionScore(criterion, facts({ prePostMeanChange: -8 }))).toBe(0);
    expect(computedCriterionScore(criterion, facts({ prePostMeanChange: 35 }))).toBe(10);
  });

  it("gives no score while the facts cannot give one", () => {
    expect(computedCriterionScore(computed("attendance_rate"), facts())).toBeNull();
    expect(computedCriterionScore(computed("assignments_on_time"), facts())).toBeNull();
    expect(
      computedCriterionScore(computed("activities_logged", 1), facts({ activitiesLogged: 2 })),
    ).toBeNull();
    expect(computedCriterionScore(computed("meeting_frequency", 2), facts({ meetingsLogged: 2 }))).toBeNull();
    expect(computedCriterionScore(computed("prepost_change", 10), facts())).toBeNull();
  });

  it("scores a team with nothing logged in a month that has started as 0, not as missing", () => {
    expect(computedCriterionScore(computed("activities_logged", 1), facts({ activityMonths: 1 }))).toBe(0);
  });

  it("refuses a count metric without a target rather than dividing by nothing", () => {
    expect(() =>
      computedCriterionScore(computed("meeting_frequency"), facts({ meetingsLogged: 1, activityMonths: 1 })),
    ).toThrow(RangeError);
  });

  it("always lands on the criterion's scale with at most one decimal", () => {
    const count = fc.integer({ min: 0, max: 500 });
    const anyFacts = fc.record({
      attendance: fc.record({ present: count, expected: count }),
      assignments: fc.record({ onTime: count, total: count }),
      activitiesLogged: count,
      meetingsLogged: count,
      activityMonths: fc.integer({ min: 0, max: 36 }),
      prePostMeanChange: fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...rubricMetrics),
        fc.integer({ min: 2, max: 100 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        anyFacts,
        (metric, scaleMax, target, teamFacts) => {
          const score = computedCriterionScore(computed(metric, target, scaleMax), teamFacts);
          if (score === null) return;
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(scaleMax);
          expect(Math.round(score * 10) / 10).toBe(score);
        },
      ),
    );
  });
});

describe("the built-in rubrics' computed criteria", () => {
  it("score a Gangneung team at all trainings with an activity every month as full marks on both", () => {
    const criteria = builtinTemplate("reverse_mentoring").rubric.filter(isComputedCriterion);
    const team = facts({ attendance: { present: 28, expected: 28 }, activitiesLogged: 7, activityMonths: 7 });
    expect(criteria.map((criterion) => [criterion.key, computedCriterionScore(criterion, team)])).toEqual([
      ["training", 10],
      ["activities", 10],
    ]);
  });

  it("score a Yongin pair meeting once a month half marks on meetings", () => {
    const [meetings] = builtinTemplate("new_official_mentoring").rubric.filter(isComputedCriterion);
    expect(meetings?.key).toBe("meetings");
    expect(
      computedCriterionScore(
        meetings as ComputedRubricCriterion,
        facts({ meetingsLogged: 6, activityMonths: 6 }),
      ),
    ).toBe(5);
  });
});
