// The seeded directories must be able to carry the two real programs under the real rules, with
// people just outside them, so that later features have something true to work on.
import {
  calendarDate,
  type EligibilityRule,
  eligibilityRuleSchema,
  evaluateEligibility,
} from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import type { SeedStaffMember, SeedTenant } from "./directory";
import { GANGNEUNG_AS_OF, gangneungSeed } from "./gangneung";
import { YONGIN_AS_OF, yonginSeed } from "./yongin";

function eligible(seed: SeedTenant, rule: EligibilityRule, at: string) {
  const departmentIds = new Map(seed.departments.map((d) => [d.code, d.code]));
  return seed.staff.filter(
    (person: SeedStaffMember) =>
      person.active &&
      evaluateEligibility(
        rule,
        {
          grade: person.grade,
          hireDate: calendarDate(person.hireDate),
          departmentId: departmentIds.get(person.departmentCode) ?? person.departmentCode,
          positionTitle: person.positionTitle,
          birthYear: person.birthYear,
        },
        calendarDate(at),
      ).eligible,
  );
}

describe("Gangneung's directory under the reverse-mentoring rules (2nd cohort, recruiting 2025-01-22)", () => {
  const seed = gangneungSeed();
  const juniorMentor = eligibilityRuleSchema.parse({ grade: { min: 8, max: 9 }, yearsOfService: { max: 5 } });
  const managerMentee = eligibilityRuleSchema.parse({ positionTitles: { include: ["국장", "과장"] } });

  it("has enough eligible juniors for 30 mentors and managers for 10 mentees", () => {
    expect(eligible(seed, juniorMentor, GANGNEUNG_AS_OF).length).toBeGreaterThanOrEqual(30);
    expect(eligible(seed, managerMentee, GANGNEUNG_AS_OF).length).toBeGreaterThanOrEqual(10);
  });

  it("has grade-7 and long-serving juniors who must be turned away", () => {
    const juniors = seed.staff.filter((p) => p.positionTitle === "주무관" && p.active);
    const turnedAway = juniors.filter(
      (p) => !eligible({ ...seed, staff: [p] }, juniorMentor, GANGNEUNG_AS_OF).length,
    );
    expect(turnedAway.some((p) => p.grade === 7)).toBe(true);
    expect(turnedAway.some((p) => p.grade === 9 || p.grade === 8)).toBe(true);
  });
});

describe("Yongin's directory under the new-official mentoring rules", () => {
  const seed = yonginSeed();
  const mentor = eligibilityRuleSchema.parse({
    grade: { min: 7, max: 8 },
    yearsOfService: { min: 3, max: 10 },
  });
  const mentee = eligibilityRuleSchema.parse({
    grade: { min: 8, max: 9 },
    hireDate: { from: "2025-01-01", to: YONGIN_AS_OF },
  });

  it("has at least 14 eligible mentors and 24 new officials", () => {
    expect(eligible(seed, mentor, YONGIN_AS_OF).length).toBeGreaterThanOrEqual(14);
    expect(eligible(seed, mentee, YONGIN_AS_OF).length).toBeGreaterThanOrEqual(24);
  });

  it("does not let a 25-year veteran or a division head in as a mentor", () => {
    const veterans = seed.staff.filter((p) => p.hireDate < "2000-03-15" || p.positionTitle === "과장");
    expect(veterans.length).toBeGreaterThan(0);
    expect(eligible({ ...seed, staff: veterans }, mentor, YONGIN_AS_OF)).toEqual([]);
  });
});
