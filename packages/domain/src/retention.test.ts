import { describe, expect, it } from "vitest";
import { calendarDate } from "./calendar-date";
import {
  addMonths,
  defaultRetentionPeriods,
  isDue,
  lastDueStart,
  retentionCutoffs,
  retentionKinds,
  retentionPeriodsOf,
  retentionPeriodsSchema,
  retentionRules,
} from "./retention";

const d = calendarDate;

describe("retention periods", () => {
  it("gives the consent text's defaults: unselected applications 6 months, answers and records 3 years", () => {
    expect(defaultRetentionPeriods).toEqual({
      unselected_applications: 6,
      survey_answers: 36,
      program_records: 36,
      notifications: 12,
      inactive_staff: 12,
      directory_imports: 3,
    });
  });

  it("every default lies within its kind's bounds", () => {
    for (const kind of retentionKinds) {
      const rule = retentionRules[kind];
      expect(rule.minMonths).toBeLessThanOrEqual(rule.defaultMonths);
      expect(rule.defaultMonths).toBeLessThanOrEqual(rule.maxMonths);
    }
  });

  it("takes a tenant's chosen periods and falls back to the default for anything missing or out of bounds", () => {
    expect(
      retentionPeriodsOf({ survey_answers: 24, notifications: 0, program_records: 1.5, inactive_staff: "6" }),
    ).toEqual({ ...defaultRetentionPeriods, survey_answers: 24 });
    expect(retentionPeriodsOf(null)).toEqual(defaultRetentionPeriods);
    expect(retentionPeriodsOf({ program_records: 121 }).program_records).toBe(36);
  });

  it("the form refuses a period below the minimum, above the maximum or not whole, naming the bound", () => {
    const valid = { ...defaultRetentionPeriods };
    expect(retentionPeriodsSchema.safeParse(valid).success).toBe(true);
    const issues = (value: unknown) => {
      const result = retentionPeriodsSchema.safeParse({ ...valid, survey_answers: value });
      return result.success
        ? []
        : result.error.issues.map((issue) => [
            issue.code,
            "minimum" in issue ? issue.minimum : "maximum" in issue ? issue.maximum : null,
          ]);
    };
    expect(issues(11)).toEqual([["too_small", 12]]);
    expect(issues(61)).toEqual([["too_big", 60]]);
    expect(issues(12.5)).toEqual([["invalid_type", null]]);
    expect(issues(60)).toEqual([]);
  });
});

describe("when something is due", () => {
  it("keeps a row through the last day of its period and is due from the next day", () => {
    expect(isDue(d("2023-03-15"), 36, d("2026-03-15"))).toBe(false);
    expect(isDue(d("2023-03-15"), 36, d("2026-03-16"))).toBe(true);
  });

  it("ends a period that starts on the 31st on the last day of a shorter month", () => {
    expect(addMonths(d("2025-08-31"), 6)).toBe("2026-02-28");
    expect(isDue(d("2025-08-31"), 6, d("2026-02-28"))).toBe(false);
    expect(isDue(d("2025-08-31"), 6, d("2026-03-01"))).toBe(true);
  });

  it("the last due start is due and the day after it is not, across month ends and leap days", () => {
    for (const today of [
      "2026-03-01",
      "2026-02-28",
      "2028-02-29",
      "2028-03-01",
      "2026-12-31",
      "2026-07-31",
    ]) {
      for (const months of [1, 6, 12, 36, 120]) {
        const last = lastDueStart(months, d(today));
        expect(isDue(last, months, d(today)), `${today} ${months}`).toBe(true);
        const next = new Date(`${last}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(isDue(d(next.toISOString().slice(0, 10)), months, d(today)), `${today} ${months}`).toBe(false);
      }
    }
  });

  it("takes today on the tenant's calendar, and gives each kind's cutoff as the start of the next day there", () => {
    // 15:30 UTC on 15 March is already 16 March in Seoul.
    const cutoffs = retentionCutoffs(defaultRetentionPeriods, new Date("2026-03-15T15:30:00Z"), "Asia/Seoul");
    expect(cutoffs.today).toBe("2026-03-16");
    expect(cutoffs.lastDueStart.program_records).toBe("2023-03-15");
    expect(cutoffs.lastDueStart.unselected_applications).toBe("2025-09-15");
    expect(cutoffs.dueBefore.notifications.toISOString()).toBe("2025-03-15T15:00:00.000Z");
  });
});
