import { describe, expect, it } from "vitest";
import { calendarDate } from "./calendar-date";
import {
  type EligibilityCandidate,
  type EligibilityFailureCode,
  eligibilityFailureCodes,
  eligibilityRuleSchema,
  evaluateEligibility,
} from "./eligibility";

function candidate(overrides: Partial<Omit<EligibilityCandidate, "hireDate">> & { hireDate: string }) {
  return {
    grade: 8,
    departmentId: "dept-general-affairs",
    positionTitle: "주무관",
    birthYear: 1995,
    ...overrides,
    hireDate: calendarDate(overrides.hireDate),
  };
}

function codes(result: ReturnType<typeof evaluateEligibility>) {
  return result.failures.map((failure) => failure.code);
}

describe("Gangneung reverse mentoring, judged on the recruitment date 2025-01-22", () => {
  const at = calendarDate("2025-01-22");
  // Junior mentors: grade 8 or 9 with at most 5 completed years; manager mentees: 국장 or 과장.
  const juniorMentor = eligibilityRuleSchema.parse({ grade: { min: 8, max: 9 }, yearsOfService: { max: 5 } });
  const managerMentee = eligibilityRuleSchema.parse({ positionTitles: { include: ["국장", "과장"] } });

  it("admits a grade-8 official with 3 years of service as a mentor", () => {
    expect(evaluateEligibility(juniorMentor, candidate({ grade: 8, hireDate: "2022-01-03" }), at)).toEqual({
      eligible: true,
      failures: [],
    });
  });

  it("admits juniors at the edges: exactly 5 years, and appointed on the day itself", () => {
    expect(
      evaluateEligibility(juniorMentor, candidate({ grade: 8, hireDate: "2020-01-22" }), at).eligible,
    ).toBe(true);
    expect(
      evaluateEligibility(juniorMentor, candidate({ grade: 9, hireDate: "2019-01-23" }), at).eligible,
    ).toBe(true);
    expect(
      evaluateEligibility(juniorMentor, candidate({ grade: 9, hireDate: "2025-01-22" }), at).eligible,
    ).toBe(true);
  });

  it("turns away a grade-7 official as a reverse mentor, however short the service", () => {
    const result = evaluateEligibility(juniorMentor, candidate({ grade: 7, hireDate: "2021-07-01" }), at);
    expect(result).toEqual({
      eligible: false,
      failures: [{ code: "grade.below_min", params: { actual: 7, min: 8, max: 9 } }],
    });
  });

  it("turns away a grade-9 official with exactly 6 years for too long a service", () => {
    const result = evaluateEligibility(juniorMentor, candidate({ grade: 9, hireDate: "2019-01-22" }), at);
    expect(result.failures).toEqual([{ code: "years_of_service.above_max", params: { actual: 6, max: 5 } }]);
  });

  it("returns both reasons for a grade-7 official with 12 years", () => {
    const result = evaluateEligibility(juniorMentor, candidate({ grade: 7, hireDate: "2012-09-03" }), at);
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([
      { code: "grade.below_min", params: { actual: 7, min: 8, max: 9 } },
      { code: "years_of_service.above_max", params: { actual: 12, max: 5 } },
    ]);
  });

  it("turns away a non-graded researcher because a grade is required", () => {
    const result = evaluateEligibility(
      juniorMentor,
      candidate({ grade: null, positionTitle: "연구사", hireDate: "2022-07-01" }),
      at,
    );
    expect(result.failures).toEqual([{ code: "grade.missing", params: { min: 8, max: 9 } }]);
  });

  it("turns away someone whose appointment is still to come rather than counting negative years", () => {
    const result = evaluateEligibility(juniorMentor, candidate({ grade: 9, hireDate: "2025-02-03" }), at);
    expect(result.failures).toEqual([
      { code: "years_of_service.not_yet_hired", params: { hireDate: "2025-02-03", at: "2025-01-22" } },
    ]);
  });

  it("admits division heads and directors as mentees, and no other title", () => {
    for (const positionTitle of ["과장", "국장", " 과장 "]) {
      const manager = candidate({ grade: 4, positionTitle, hireDate: "1998-03-02" });
      expect(evaluateEligibility(managerMentee, manager, at).eligible).toBe(true);
    }
    const teamLeader = candidate({ grade: 6, positionTitle: "팀장", hireDate: "2005-03-02" });
    expect(evaluateEligibility(managerMentee, teamLeader, at).failures).toEqual([
      { code: "position_title.not_included", params: { actual: "팀장", include: "국장, 과장" } },
    ]);
  });
});

describe("Yongin standard mentoring, judged on 2025-03-15", () => {
  const at = calendarDate("2025-03-15");
  // Mentors: grade 7 or 8 with 3 to 10 years; mentees: grade 8 or 9, newly appointed in 2025.
  const mentor = eligibilityRuleSchema.parse({
    grade: { min: 7, max: 8 },
    yearsOfService: { min: 3, max: 10 },
  });
  const mentee = eligibilityRuleSchema.parse({
    grade: { min: 8, max: 9 },
    yearsOfService: { max: 0 },
    hireDate: { from: "2025-01-01", to: "2025-03-15" },
  });

  it("admits mentors at exactly 3 and at 10 completed years", () => {
    expect(evaluateEligibility(mentor, candidate({ grade: 7, hireDate: "2022-03-15" }), at).eligible).toBe(
      true,
    );
    expect(evaluateEligibility(mentor, candidate({ grade: 7, hireDate: "2015-03-13" }), at).eligible).toBe(
      true,
    );
  });

  it("turns away a mentor one day short of 3 years", () => {
    const result = evaluateEligibility(mentor, candidate({ grade: 8, hireDate: "2022-03-16" }), at);
    expect(result.failures).toEqual([
      { code: "years_of_service.below_min", params: { actual: 2, min: 3, max: 10 } },
    ]);
  });

  it("turns away a mentor with 11 years", () => {
    const result = evaluateEligibility(mentor, candidate({ grade: 7, hireDate: "2014-03-03" }), at);
    expect(codes(result)).toEqual(["years_of_service.above_max"]);
  });

  it("turns away grade 6 as too senior and grade 9 as too junior to mentor", () => {
    const grade6 = evaluateEligibility(mentor, candidate({ grade: 6, hireDate: "2017-01-02" }), at);
    expect(grade6.failures).toEqual([{ code: "grade.below_min", params: { actual: 6, min: 7, max: 8 } }]);
    const grade9 = evaluateEligibility(mentor, candidate({ grade: 9, hireDate: "2020-07-01" }), at);
    expect(grade9.failures).toEqual([{ code: "grade.above_max", params: { actual: 9, min: 7, max: 8 } }]);
  });

  it("admits a new official appointed the day before as a mentee", () => {
    expect(evaluateEligibility(mentee, candidate({ grade: 9, hireDate: "2025-03-14" }), at).eligible).toBe(
      true,
    );
  });

  it("turns away as a mentee someone appointed before the 2025 intake", () => {
    const lastDecember = evaluateEligibility(mentee, candidate({ grade: 9, hireDate: "2024-12-31" }), at);
    expect(lastDecember.failures).toEqual([
      { code: "hire_date.before", params: { actual: "2024-12-31", from: "2025-01-01", to: "2025-03-15" } },
    ]);
    const lastYear = evaluateEligibility(mentee, candidate({ grade: 9, hireDate: "2024-03-04" }), at);
    expect(codes(lastYear)).toEqual(["years_of_service.not_new", "hire_date.before"]);
  });

  it("turns away as a mentee someone appointed after the window closed", () => {
    const rule = eligibilityRuleSchema.parse({ hireDate: { to: "2025-03-15" } });
    const result = evaluateEligibility(
      rule,
      candidate({ hireDate: "2025-03-16" }),
      calendarDate("2025-04-01"),
    );
    expect(result.failures).toEqual([
      { code: "hire_date.after", params: { actual: "2025-03-16", to: "2025-03-15" } },
    ]);
  });
});

describe("evaluateEligibility on birth years, departments and excluded titles", () => {
  const at = calendarDate("2025-01-22");

  it("admits everyone when the rule is empty", () => {
    const rule = eligibilityRuleSchema.parse({});
    expect(
      evaluateEligibility(rule, candidate({ grade: null, birthYear: null, hireDate: "1990-01-01" }), at),
    ).toEqual({ eligible: true, failures: [] });
  });

  it("checks birth years inclusively and asks for one when it is unknown", () => {
    const rule = eligibilityRuleSchema.parse({ birthYear: { min: 1985, max: 1999 } });
    const born = (birthYear: number | null) =>
      evaluateEligibility(rule, candidate({ birthYear, hireDate: "2020-01-01" }), at).failures;
    expect(born(1985)).toEqual([]);
    expect(born(1999)).toEqual([]);
    expect(born(1984)).toEqual([
      { code: "birth_year.below_min", params: { actual: 1984, min: 1985, max: 1999 } },
    ]);
    expect(born(2000)).toEqual([
      { code: "birth_year.above_max", params: { actual: 2000, min: 1985, max: 1999 } },
    ]);
    expect(born(null)).toEqual([{ code: "birth_year.missing", params: { min: 1985, max: 1999 } }]);
  });

  it("checks included and excluded departments by id", () => {
    const rule = eligibilityRuleSchema.parse({
      departments: { include: ["dept-tax", "dept-roads"], exclude: ["dept-audit"] },
    });
    const inDepartment = (departmentId: string) =>
      evaluateEligibility(rule, candidate({ departmentId, hireDate: "2020-01-01" }), at).failures;
    expect(inDepartment("dept-tax")).toEqual([]);
    expect(inDepartment("dept-welfare")).toEqual([
      { code: "department.not_included", params: { actual: "dept-welfare" } },
    ]);
    expect(inDepartment("dept-audit")).toEqual([
      { code: "department.not_included", params: { actual: "dept-audit" } },
      { code: "department.excluded", params: { actual: "dept-audit" } },
    ]);
  });

  it("turns away an excluded position title", () => {
    const rule = eligibilityRuleSchema.parse({ positionTitles: { exclude: ["시장", "부시장"] } });
    const result = evaluateEligibility(
      rule,
      candidate({ positionTitle: "부시장", hireDate: "1995-01-02" }),
      at,
    );
    expect(result.failures).toEqual([{ code: "position_title.excluded", params: { actual: "부시장" } }]);
  });
});

describe("eligibilityRuleSchema", () => {
  it.each([
    ["a grade range with min above max", { grade: { min: 9, max: 8 } }],
    ["a grade outside 1-9", { grade: { max: 10 } }],
    ["a fractional grade", { grade: { min: 7.5 } }],
    ["negative years of service", { yearsOfService: { min: -1 } }],
    ["years of service beyond a career", { yearsOfService: { max: 1e23 } }],
    ["a birth year no one in service has", { birthYear: { min: -1 } }],
    ["a birth year in the far future", { birthYear: { max: 3000 } }],
    ["years of service with min above max", { yearsOfService: { min: 10, max: 3 } }],
    ["birth years with min above max", { birthYear: { min: 2000, max: 1990 } }],
    ["a hire-date window that ends before it starts", { hireDate: { from: "2025-03-15", to: "2025-01-01" } }],
    ["a hire date that does not exist", { hireDate: { from: "2025-02-30" } }],
    ["an empty include list", { departments: { include: [] } }],
    ["a misspelt part", { yearOfService: { max: 5 } }],
    ["a misspelt bound", { grade: { minimum: 8 } }],
  ])("rejects %s", (_, rule) => {
    expect(eligibilityRuleSchema.safeParse(rule).success).toBe(false);
  });

  it("accepts equal bounds and a one-day window", () => {
    const rule = { grade: { min: 8, max: 8 }, hireDate: { from: "2025-01-22", to: "2025-01-22" } };
    expect(eligibilityRuleSchema.parse(rule)).toEqual(rule);
  });
});

describe("every rule kind turns someone away with its own reason", () => {
  const at = calendarDate("2025-01-22");
  const rule = (input: unknown) => eligibilityRuleSchema.parse(input);
  const cases: [EligibilityFailureCode, ReturnType<typeof rule>, ReturnType<typeof candidate>][] = [
    ["grade.missing", rule({ grade: { min: 8 } }), candidate({ grade: null, hireDate: "2022-01-03" })],
    ["grade.below_min", rule({ grade: { min: 8 } }), candidate({ grade: 6, hireDate: "2022-01-03" })],
    ["grade.above_max", rule({ grade: { max: 8 } }), candidate({ grade: 9, hireDate: "2022-01-03" })],
    [
      "years_of_service.not_yet_hired",
      rule({ yearsOfService: { max: 5 } }),
      candidate({ hireDate: "2025-01-23" }),
    ],
    [
      "years_of_service.below_min",
      rule({ yearsOfService: { min: 3 } }),
      candidate({ hireDate: "2023-01-23" }),
    ],
    [
      "years_of_service.above_max",
      rule({ yearsOfService: { max: 5 } }),
      candidate({ hireDate: "2019-01-22" }),
    ],
    ["years_of_service.not_new", rule({ yearsOfService: { max: 0 } }), candidate({ hireDate: "2024-01-22" })],
    ["hire_date.before", rule({ hireDate: { from: "2024-01-01" } }), candidate({ hireDate: "2023-12-31" })],
    ["hire_date.after", rule({ hireDate: { to: "2024-12-31" } }), candidate({ hireDate: "2025-01-02" })],
    [
      "birth_year.missing",
      rule({ birthYear: { max: 1990 } }),
      candidate({ birthYear: null, hireDate: "2020-01-01" }),
    ],
    [
      "birth_year.below_min",
      rule({ birthYear: { min: 1990 } }),
      candidate({ birthYear: 1989, hireDate: "2020-01-01" }),
    ],
    [
      "birth_year.above_max",
      rule({ birthYear: { max: 1990 } }),
      candidate({ birthYear: 1991, hireDate: "2020-01-01" }),
    ],
    [
      "department.not_included",
      rule({ departments: { include: ["dept-tax"] } }),
      candidate({ departmentId: "dept-roads", hireDate: "2020-01-01" }),
    ],
    [
      "department.excluded",
      rule({ departments: { exclude: ["dept-audit"] } }),
      candidate({ departmentId: "dept-audit", hireDate: "2020-01-01" }),
    ],
    [
      "position_title.not_included",
      rule({ positionTitles: { include: ["과장"] } }),
      candidate({ positionTitle: "주무관", hireDate: "2020-01-01" }),
    ],
    [
      "position_title.excluded",
      rule({ positionTitles: { exclude: ["시장"] } }),
      candidate({ positionTitle: " 시장", hireDate: "1990-01-01" }),
    ],
  ];

  it("has a case for every failure code", () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(eligibilityFailureCodes));
  });

  it.each(cases)("reports %s and nothing else", (code, caseRule, person) => {
    const result = evaluateEligibility(caseRule, person, at);
    expect(result.eligible).toBe(false);
    expect(codes(result)).toEqual([code]);
  });

  it("admits a department that is neither excluded nor outside an include list", () => {
    const both = rule({ departments: { include: ["dept-tax", "dept-roads"], exclude: ["dept-roads"] } });
    expect(
      evaluateEligibility(both, candidate({ departmentId: "dept-tax", hireDate: "2020-01-01" }), at).eligible,
    ).toBe(true);
    expect(
      codes(evaluateEligibility(both, candidate({ departmentId: "dept-roads", hireDate: "2020-01-01" }), at)),
    ).toEqual(["department.excluded"]);
  });

  it("admits a title that is not on the exclude list, with stray spaces ignored on both sides", () => {
    const noMayors = rule({ positionTitles: { exclude: [" 시장 ", "부시장"] } });
    expect(
      evaluateEligibility(noMayors, candidate({ positionTitle: "팀장", hireDate: "2010-01-01" }), at)
        .eligible,
    ).toBe(true);
    expect(
      codes(evaluateEligibility(noMayors, candidate({ positionTitle: "시장", hireDate: "2010-01-01" }), at)),
    ).toEqual(["position_title.excluded"]);
  });
});
