import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate, calendarDate } from "./calendar-date";
import {
  type EligibilityCandidate,
  type EligibilityRule,
  eligibilityRuleSchema,
  evaluateEligibility,
} from "./eligibility";

// Small value pools, so that random rules and random people often meet at a bound.
const departments = ["tax", "roads", "welfare", "audit", "culture"];
const titles = ["주무관", "팀장", "과장", "국장", "연구사"];
const EPOCH = calendarDate("1985-01-01");
const dateArb = fc.integer({ min: 0, max: 40 * 366 }).map((days) => addDays(EPOCH, days));

/** An optional {min?, max?} range with min ≤ max, drawn from [low, high]. */
const rangeArb = (low: number, high: number) =>
  fc
    .tuple(fc.option(fc.integer({ min: low, max: high })), fc.option(fc.integer({ min: low, max: high })))
    .map(([a, b]) => {
      const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
      return { ...(min !== null && { min }), ...(max !== null && { max }) };
    });

const listArb = (pool: string[]) =>
  fc.record(
    {
      include: fc.subarray(pool, { minLength: 1 }),
      exclude: fc.subarray(pool),
    },
    { requiredKeys: [] },
  );

const hireWindowArb = fc
  .record({ from: dateArb, to: dateArb }, { requiredKeys: [] })
  .map(({ from, to }) => (from && to && from > to ? { from: to, to: from } : { from, to }))
  .map(({ from, to }) => ({ ...(from && { from }), ...(to && { to }) }));

const ruleArb: fc.Arbitrary<EligibilityRule> = fc
  .record(
    {
      grade: rangeArb(1, 9),
      yearsOfService: rangeArb(0, 40),
      hireDate: hireWindowArb,
      birthYear: rangeArb(1960, 2005),
      departments: listArb(departments),
      positionTitles: listArb(titles),
    },
    { requiredKeys: [] },
  )
  // Every rule a template may hold passes the schema; generated ones must too.
  .map((rule) => eligibilityRuleSchema.parse(rule));

const candidateArb: fc.Arbitrary<EligibilityCandidate> = fc.record({
  grade: fc.option(fc.integer({ min: 1, max: 9 })),
  hireDate: dateArb,
  departmentId: fc.constantFrom(...departments),
  positionTitle: fc.constantFrom(...titles),
  birthYear: fc.option(fc.integer({ min: 1960, max: 2005 })),
});

const judgedOnArb: fc.Arbitrary<CalendarDate> = dateArb;

/** The rule cut into its parts, each a rule of its own. */
function partsOf(rule: EligibilityRule): EligibilityRule[] {
  return Object.entries(rule).map(([key, value]) => ({ [key]: value }) as EligibilityRule);
}

describe("evaluateEligibility, for any rule and any person", () => {
  it("never accepts someone whom one part of the rule, judged alone, turns away", () => {
    fc.assert(
      fc.property(ruleArb, candidateArb, judgedOnArb, (rule, person, at) => {
        const whole = evaluateEligibility(rule, person, at);
        for (const part of partsOf(rule)) {
          if (!evaluateEligibility(part, person, at).eligible) expect(whole.eligible).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts someone whom every part accepts", () => {
    fc.assert(
      fc.property(ruleArb, candidateArb, judgedOnArb, (rule, person, at) => {
        const everyPartAdmits = partsOf(rule).every((part) => evaluateEligibility(part, person, at).eligible);
        expect(evaluateEligibility(rule, person, at).eligible).toBe(everyPartAdmits);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the reasons of all the parts, no more and no fewer", () => {
    fc.assert(
      fc.property(ruleArb, candidateArb, judgedOnArb, (rule, person, at) => {
        const fromParts = partsOf(rule).flatMap((part) => evaluateEligibility(part, person, at).failures);
        expect(evaluateEligibility(rule, person, at).failures).toEqual(fromParts);
      }),
      { numRuns: 1000 },
    );
  });

  it("is eligible exactly when there is no reason against", () => {
    fc.assert(
      fc.property(ruleArb, candidateArb, judgedOnArb, (rule, person, at) => {
        const result = evaluateEligibility(rule, person, at);
        expect(result.eligible).toBe(result.failures.length === 0);
      }),
      { numRuns: 2000 },
    );
  });
});
