import type { EligibilityFailure } from "@mentoring/domain";
import { describe, expect, it } from "vitest";
import { presentApplyOutcome, ruleInWords } from "./recruiting.server";

describe("an eligibility rule in words", () => {
  it("says each part of the rule, naming departments by their names", () => {
    expect(
      ruleInWords(
        {
          grade: { min: 7, max: 8 },
          yearsOfService: { min: 3, max: 10 },
          departments: { include: ["D01", "D99"] },
        },
        { D01: "자치행정과" },
      ),
    ).toEqual([
      { key: "recruitment.rule.grade", params: { min: 7, max: 8 } },
      { key: "recruitment.rule.yearsOfService.range", params: { min: 3, max: 10 } },
      { key: "recruitment.rule.departments.include", params: { list: "자치행정과, D99" } },
    ]);
  });

  it("calls a rule for newcomers by what it means, and an empty rule open to all", () => {
    expect(ruleInWords({ yearsOfService: { max: 0 } }, {})).toEqual([
      { key: "recruitment.rule.yearsOfService.underOne" },
    ]);
    expect(ruleInWords({}, {})).toEqual([{ key: "recruitment.rule.anyone" }]);
  });
});

describe("what applying came to", () => {
  it("gives every reason of a refusal as its message", () => {
    const failures: EligibilityFailure[] = [
      { code: "grade.below_min", params: { actual: 6, min: 7, max: 8 } },
      { code: "years_of_service.above_max", params: { actual: 28, min: 3, max: 10 } },
    ];
    expect(presentApplyOutcome({ outcome: "refused", failures })).toEqual({
      outcome: "refused",
      reasons: [
        { key: "eligibility.failure.grade.below_min", params: { actual: 6, min: 7, max: 8 } },
        { key: "eligibility.failure.years_of_service.above_max", params: { actual: 28, min: 3, max: 10 } },
      ],
    });
    expect(presentApplyOutcome({ outcome: "waitlisted", applicationId: "a", position: 3 })).toEqual({
      outcome: "waitlisted",
      position: 3,
    });
  });
});
