import { z } from "zod";
import { type CalendarDate, calendarDateSchema, compareCalendarDates } from "./calendar-date";
import { yearsOfService } from "./service-years";

function numberRange(bound: z.ZodNumber) {
  return z
    .object({ min: bound.optional(), max: bound.optional() })
    .strict()
    .refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
      message: "min must not be greater than max",
      path: ["min"],
      params: { code: "above_max" },
    });
}

function inclusionList(item: z.ZodString) {
  // An empty include list would admit nobody; that is an authoring slip, so it is rejected.
  return z
    .object({
      include: z.array(item).min(1).max(maxListLength).optional(),
      exclude: z.array(item).max(maxListLength).optional(),
    })
    .strict();
}

/** More departments or titles than a city has: a list this long is not a rule. */
const maxListLength = 500;

/** A public servant's career is shorter than this: a bound above it can only be a slip. */
export const maxYearsOfService = 50;
/** The birth years a rule may name: anyone in public service this century was born between them. */
export const birthYearBounds = { min: 1920, max: 2030 } as const;

/**
 * Who may apply for a role, as data a template stores: every part is optional and all given parts must
 * hold. Bounds are inclusive. Grades are numbers, so `grade.min: 8` means "grade 8 or more junior".
 * Unknown keys are rejected so that a misspelt rule fails validation instead of silently admitting everyone.
 */
export const eligibilityRuleSchema = z
  .object({
    grade: numberRange(z.number().int().min(1).max(9)).optional(),
    yearsOfService: numberRange(z.number().int().min(0).max(maxYearsOfService)).optional(),
    hireDate: z
      .object({ from: calendarDateSchema.optional(), to: calendarDateSchema.optional() })
      .strict()
      .refine((range) => !range.from || !range.to || compareCalendarDates(range.from, range.to) <= 0, {
        message: "from must not be later than to",
        path: ["from"],
        params: { code: "after_to" },
      })
      .optional(),
    birthYear: numberRange(z.number().int().min(birthYearBounds.min).max(birthYearBounds.max)).optional(),
    /** Department ids of the tenant (saveTemplate checks that each is one of its departments). */
    departments: inclusionList(z.string().min(1).max(100)).optional(),
    positionTitles: inclusionList(z.string().min(1).max(100)).optional(),
  })
  .strict();

export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

export interface EligibilityCandidate {
  /** 1-9, or null for a non-graded post. */
  grade: number | null;
  hireDate: CalendarDate;
  departmentId: string;
  positionTitle: string;
  birthYear: number | null;
}

/** Stable codes; the UI translates each as `eligibility.failure.<code>`, interpolating the params. */
export const eligibilityFailureCodes = [
  "grade.missing",
  "grade.below_min",
  "grade.above_max",
  "years_of_service.not_yet_hired",
  "years_of_service.below_min",
  "years_of_service.above_max",
  /** The rule takes new appointees only (at most 0 full years): said as "under one year", as the rule is. */
  "years_of_service.not_new",
  "hire_date.before",
  "hire_date.after",
  "birth_year.missing",
  "birth_year.below_min",
  "birth_year.above_max",
  "department.not_included",
  "department.excluded",
  "position_title.not_included",
  "position_title.excluded",
] as const;

export type EligibilityFailureCode = (typeof eligibilityFailureCodes)[number];

export interface EligibilityFailure {
  code: EligibilityFailureCode;
  /** `actual` is the candidate's value; the rest are the rule's bounds or lists, named as in the rule. */
  params: Record<string, string | number>;
}

export interface EligibilityResult {
  eligible: boolean;
  failures: EligibilityFailure[];
}

type RangedField = "grade" | "years_of_service" | "birth_year";

/**
 * Checks every part of the rule and returns every failure, not just the first, so that an applicant or a
 * coordinator sees all the reasons at once. `at` is the day the rule is judged on (years of service).
 */
export function evaluateEligibility(
  rule: EligibilityRule,
  candidate: EligibilityCandidate,
  at: CalendarDate,
): EligibilityResult {
  const failures: EligibilityFailure[] = [];

  const checkRange = (field: RangedField, actual: number, range: { min?: number; max?: number }) => {
    const bounds = boundsOf(range);
    if (range.min !== undefined && actual < range.min) {
      failures.push({ code: `${field}.below_min`, params: { actual, ...bounds } });
    }
    if (range.max !== undefined && actual > range.max) {
      failures.push({ code: `${field}.above_max`, params: { actual, ...bounds } });
    }
  };

  if (rule.grade) {
    if (candidate.grade === null) failures.push({ code: "grade.missing", params: boundsOf(rule.grade) });
    else checkRange("grade", candidate.grade, rule.grade);
  }

  if (rule.yearsOfService) {
    const service = yearsOfService(candidate.hireDate, at);
    if (!service.ok)
      failures.push({ code: "years_of_service.not_yet_hired", params: { hireDate: candidate.hireDate, at } });
    else if (rule.yearsOfService.max === 0 && !rule.yearsOfService.min && service.years > 0)
      failures.push({ code: "years_of_service.not_new", params: { actual: service.years } });
    else checkRange("years_of_service", service.years, rule.yearsOfService);
  }

  if (rule.hireDate) {
    const { from, to } = rule.hireDate;
    const params = { actual: candidate.hireDate, ...(from && { from }), ...(to && { to }) };
    if (from && compareCalendarDates(candidate.hireDate, from) < 0) {
      failures.push({ code: "hire_date.before", params });
    }
    if (to && compareCalendarDates(candidate.hireDate, to) > 0) {
      failures.push({ code: "hire_date.after", params });
    }
  }

  if (rule.birthYear) {
    if (candidate.birthYear === null)
      failures.push({ code: "birth_year.missing", params: boundsOf(rule.birthYear) });
    else checkRange("birth_year", candidate.birthYear, rule.birthYear);
  }

  if (rule.departments) {
    const { include, exclude } = rule.departments;
    const actual = candidate.departmentId;
    if (include && !include.includes(actual))
      failures.push({ code: "department.not_included", params: { actual } });
    if (exclude?.includes(actual)) failures.push({ code: "department.excluded", params: { actual } });
  }

  if (rule.positionTitles) {
    const { include, exclude } = rule.positionTitles;
    // Titles come from directory imports, where stray spaces are common; otherwise they must match exactly.
    const actual = candidate.positionTitle.trim();
    const listed = (titles: string[]) => titles.some((title) => title.trim() === actual);
    if (include && !listed(include)) {
      failures.push({ code: "position_title.not_included", params: { actual, include: include.join(", ") } });
    }
    if (exclude && listed(exclude)) failures.push({ code: "position_title.excluded", params: { actual } });
  }

  return { eligible: failures.length === 0, failures };
}

function boundsOf(range: { min?: number; max?: number }): Record<string, number> {
  return {
    ...(range.min !== undefined && { min: range.min }),
    ...(range.max !== undefined && { max: range.max }),
  };
}
