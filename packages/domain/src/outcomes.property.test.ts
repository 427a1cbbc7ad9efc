import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cohortOutcomes,
  compareCohortChange,
  MIN_PEOPLE_FOR_CLAIM,
  type OutcomePerson,
  type PrePostScores,
  pairedChange,
} from "./outcomes";
import type { DimensionScores } from "./survey";

const dimensions = ["digital_literacy", "openness"];

/** A diagnostic score as the survey stores it: 0-100 with one decimal. */
const scoreArb = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);
/** Scores for some of the dimensions (a person may leave a dimension unscored). */
const scoresArb: fc.Arbitrary<DimensionScores> = fc.record(
  { digital_literacy: scoreArb, openness: scoreArb },
  { requiredKeys: [] },
);
const prePostArb: fc.Arbitrary<PrePostScores> = fc.record({
  pre: fc.option(scoresArb, { nil: null }),
  post: fc.option(scoresArb, { nil: null }),
});
/** A cohort of up to 30 people in up to 4 teams (or none), with distinct keys. */
const cohortArb: fc.Arbitrary<OutcomePerson[]> = fc
  .array(fc.tuple(prePostArb, fc.constantFrom("t1", "t2", "t3", "t4", null)), { maxLength: 30 })
  .map((people) => people.map(([scores, team], index) => ({ key: `p${index}`, team, ...scores })));
/** A constant a score can move by, one decimal. */
const shiftArb = fc.integer({ min: -500, max: 500 }).map((tenths) => tenths / 10);

const shiftPost = (people: readonly PrePostScores[], by: number) =>
  people.map((person) => ({
    ...person,
    post: person.post
      ? Object.fromEntries(Object.entries(person.post).map(([key, score]) => [key, score + by]))
      : person.post,
  }));

describe("outcomes, for any cohort", () => {
  it("do not depend on the order of people", () => {
    fc.assert(
      fc.property(
        cohortArb.chain((people) =>
          fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length })),
        ),
        ([people, shuffled]) => {
          expect(cohortOutcomes(shuffled, dimensions)).toEqual(cohortOutcomes(people, dimensions));
        },
      ),
    );
  });

  it("move the mean change by a constant added to every post score, and leave the spread as it was", () => {
    fc.assert(
      fc.property(cohortArb, shiftArb, (people, by) => {
        const before = pairedChange(people, dimensions);
        const after = pairedChange(shiftPost(people, by), dimensions);
        for (const dimension of dimensions) {
          const [was, is] = [before[dimension], after[dimension]];
          expect(is?.n).toBe(was?.n);
          if (was?.mean === null || was?.mean === undefined) expect(is?.mean).toBeNull();
          else expect(is?.mean).toBeCloseTo(was.mean + by, 9);
          expect(is?.sd).toBe(was?.sd);
        }
      }),
    );
  });

  it("count only people scored on a dimension at both phases", () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const change = pairedChange(people, dimensions);
        for (const dimension of dimensions) {
          const both = people.filter(
            (person) => person.pre?.[dimension] !== undefined && person.post?.[dimension] !== undefined,
          );
          expect(change[dimension]?.n).toBe(both.length);
          // People scored at one phase only change nothing.
          expect(pairedChange(both, [dimension])).toEqual({ [dimension]: change[dimension] });
        }
      }),
    );
  });

  it("give each team the change of its members, and the cohort that of everyone", () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const outcomes = cohortOutcomes(people, dimensions);
        expect(outcomes.cohort).toEqual(pairedChange(people, dimensions));
        const teams = [...new Set(people.map((person) => person.team))].filter((team) => team !== null);
        expect(Object.keys(outcomes.teams).sort()).toEqual(teams.sort());
        for (const team of teams)
          expect(outcomes.teams[team]).toEqual(
            pairedChange(
              people.filter((person) => person.team === team),
              dimensions,
            ),
          );
      }),
    );
  });

  it("claim nothing below five people, and otherwise only what the interval shows", () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        for (const change of Object.values(pairedChange(people, dimensions))) {
          if (change.n < MIN_PEOPLE_FOR_CLAIM) {
            expect(change).toMatchObject({ verdict: "too_few", interval: null, effectSize: null });
            continue;
          }
          const { low, high } = change.interval ?? { low: Number.NaN, high: Number.NaN };
          expect(low).toBeLessThanOrEqual(change.mean as number);
          expect(high).toBeGreaterThanOrEqual(change.mean as number);
          expect(change.verdict).toBe(low > 0 ? "increase" : high < 0 ? "decrease" : "no_clear_change");
        }
      }),
    );
  });
});

describe("a comparison of two cohorts, for any two", () => {
  it("turns round when the cohorts swap places: the difference negated, the interval mirrored", () => {
    fc.assert(
      fc.property(cohortArb, cohortArb, (earlier, later) => {
        const forwards = compareCohortChange(earlier, later, dimensions);
        const backwards = compareCohortChange(later, earlier, dimensions);
        const mirror = { increase: "decrease", decrease: "increase" } as const;
        for (const dimension of dimensions) {
          const [there, back] = [forwards[dimension], backwards[dimension]];
          if (there?.difference === null || there?.difference === undefined) {
            expect(back?.difference).toBeNull();
            continue;
          }
          expect(back?.difference).toBeCloseTo(-there.difference, 9);
          if (there.interval) {
            expect(back?.interval?.low).toBeCloseTo(-there.interval.high, 9);
            expect(back?.interval?.high).toBeCloseTo(-there.interval.low, 9);
          }
          const verdict = there.verdict;
          expect(back?.verdict).toBe(
            verdict === "increase" || verdict === "decrease" ? mirror[verdict] : verdict,
          );
        }
      }),
    );
  });

  it("moves the difference by a constant added to the later cohort's post scores, interval width kept", () => {
    fc.assert(
      fc.property(cohortArb, cohortArb, shiftArb, (earlier, later, by) => {
        const before = compareCohortChange(earlier, later, dimensions);
        const after = compareCohortChange(earlier, shiftPost(later, by), dimensions);
        for (const dimension of dimensions) {
          const [was, is] = [before[dimension], after[dimension]];
          if (was?.difference === null || was?.difference === undefined) continue;
          expect(is?.difference).toBeCloseTo(was.difference + by, 9);
          expect(is?.df).toBe(was.df);
          if (was.interval && is?.interval)
            expect(is.interval.high - is.interval.low).toBeCloseTo(was.interval.high - was.interval.low, 9);
        }
      }),
    );
  });
});
