import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate, calendarDate } from "./calendar-date";
import {
  type CohortSchedule,
  cohortScheduleSchema,
  plannedFields,
  type ScheduleField,
  scheduleFields,
  scheduleFromOffsets,
  scheduleProblems,
  withSkippedPhases,
} from "./cohort-schedule";

/** Every phase on one day: in order, since same-day phases are allowed. */
function sameDay(day = "2025-03-10"): CohortSchedule {
  return Object.fromEntries(scheduleFields.map((field) => [field, calendarDate(day)])) as CohortSchedule;
}

// Each phase, and the phase it must not come before.
const pairs: [ScheduleField, ScheduleField][] = [
  ["recruitmentEnd", "recruitmentStart"],
  ["orientation", "recruitmentEnd"],
  ["matching", "orientation"],
  ["ceremony", "matching"],
  ["activitiesStart", "matching"],
  ["activitiesEnd", "activitiesStart"],
  ["evaluationStart", "activitiesStart"],
  ["evaluationEnd", "evaluationStart"],
  ["close", "evaluationEnd"],
  ["close", "activitiesEnd"],
];

describe("scheduleProblems", () => {
  it("accepts phases on the same day", () => {
    expect(scheduleProblems(sameDay())).toEqual([]);
  });

  it("accepts Gangneung's 2025 schedule", () => {
    const schedule = scheduleFromOffsets(calendarDate("2025-01-22"), {
      recruitmentEnd: 19,
      orientation: 30,
      matching: 30,
      ceremony: 37,
      activitiesStart: 38,
      activitiesEnd: 251,
      evaluationStart: 252,
      evaluationEnd: 266,
      close: 282,
    });
    expect(scheduleProblems(schedule)).toEqual([]);
  });

  it.each(pairs)("reports %s when it comes before %s", (field, before) => {
    // The earlier phase moves a day later than the one that must follow it.
    const schedule = { ...sameDay(), [before]: calendarDate("2025-03-11") };
    expect(scheduleProblems(schedule)).toContainEqual({ field, before });
  });

  it("reports exactly the pairs broken, no more", () => {
    const schedule = { ...sameDay(), orientation: calendarDate("2025-03-09") };
    expect(scheduleProblems(schedule)).toEqual([{ field: "orientation", before: "recruitmentEnd" }]);
  });

  it("allows the ceremony and the activities in either order after matching", () => {
    const schedule = {
      ...sameDay(),
      ceremony: calendarDate("2025-03-20"),
      close: calendarDate("2025-03-20"),
    };
    expect(scheduleProblems(schedule)).toEqual([]);
  });
});

describe("cohortScheduleSchema", () => {
  const asForm = (schedule: CohortSchedule) => ({ ...schedule }) as Record<ScheduleField, string>;

  it("parses a schedule of real dates in order", () => {
    expect(cohortScheduleSchema.parse(asForm(sameDay()))).toEqual(sameDay());
  });

  it("names the field that comes too early, and the one it must follow", () => {
    const result = cohortScheduleSchema.safeParse({ ...asForm(sameDay()), matching: "2025-03-01" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["matching"],
        params: { code: "date_before", before: "orientation" },
      }),
    ]);
  });

  it("refuses a date that does not exist, at its field", () => {
    const result = cohortScheduleSchema.safeParse({ ...asForm(sameDay()), ceremony: "2025-02-30" });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["ceremony"]]);
  });

  it("refuses a schedule with a field missing", () => {
    const { close: _close, ...rest } = asForm(sameDay());
    const result = cohortScheduleSchema.safeParse(rest);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["close"]]);
  });
});

describe("scheduleFromOffsets", () => {
  it("counts days from the first day of recruitment, across month and leap-day boundaries", () => {
    const offsets = {
      recruitmentEnd: 7,
      orientation: 8,
      matching: 9,
      ceremony: 10,
      activitiesStart: 10,
      activitiesEnd: 366,
      evaluationStart: 367,
      evaluationEnd: 370,
      close: 380,
    };
    const schedule = scheduleFromOffsets(calendarDate("2024-02-22"), offsets);
    expect(schedule.recruitmentStart).toBe("2024-02-22");
    expect(schedule.recruitmentEnd).toBe("2024-02-29");
    expect(schedule.orientation).toBe("2024-03-01");
    expect(schedule.activitiesEnd).toBe("2025-02-22");
    for (const field of scheduleFields.slice(1) as (keyof typeof offsets)[]) {
      expect(schedule[field]).toBe(addDays(calendarDate("2024-02-22"), offsets[field]) as CalendarDate);
    }
  });
});

describe("a junior board's schedule", () => {
  it("is planned without orientation, matching and the pairing ceremony; other kinds by every date", () => {
    expect(plannedFields("board")).toEqual([
      "recruitmentStart",
      "recruitmentEnd",
      "activitiesStart",
      "activitiesEnd",
      "evaluationStart",
      "evaluationEnd",
      "close",
    ]);
    expect(plannedFields("reverse")).toEqual(scheduleFields);
  });

  it("puts the phases it skips on the last day of recruitment, where they hold nothing back", () => {
    const planned = {
      recruitmentStart: "2026-01-22",
      recruitmentEnd: "2026-02-10",
      activitiesStart: "2026-02-11",
      activitiesEnd: "2026-09-30",
      evaluationStart: "2026-10-01",
      evaluationEnd: "2026-10-15",
      close: "2026-10-31",
    };
    const whole = withSkippedPhases("board", planned);
    expect(whole).toMatchObject({
      orientation: "2026-02-10",
      matching: "2026-02-10",
      ceremony: "2026-02-10",
    });
    expect(cohortScheduleSchema.safeParse(whole).success).toBe(true);
    // Activities may not start before recruitment ends, as for any cohort.
    const early = cohortScheduleSchema.safeParse(
      withSkippedPhases("board", { ...planned, activitiesStart: "2026-02-09" }),
    );
    expect(early.error?.issues.map((issue) => issue.path)).toEqual([["activitiesStart"]]);
  });

  it("leaves another kind's schedule as it was typed", () => {
    const typed = { recruitmentEnd: 7, orientation: 9 };
    expect(withSkippedPhases("standard", typed)).toBe(typed);
  });
});
