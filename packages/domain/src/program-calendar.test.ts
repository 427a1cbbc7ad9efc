import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import { calendarDate } from "./calendar-date";
import {
  activityMonths,
  calendarEntrySchema,
  dayOfActivityMonth,
  planCohortCalendar,
} from "./program-calendar";

const SEOUL = "Asia/Seoul";
// Gangneung's 2nd cohort: activities March to September 2025.
const gangneung2025 = {
  activitiesStart: calendarDate("2025-03-01"),
  activitiesEnd: calendarDate("2025-09-30"),
};

describe("a cohort's program calendar, planned from its template", () => {
  const reverse = builtinTemplate("reverse_mentoring");
  const items = planCohortCalendar(reverse, gangneung2025, SEOUL);

  it("holds Gangneung's communication training on the second Wednesday of every month, March to September, 14:00-16:00 in Seoul", () => {
    const trainings = items.filter((item) => item.kind === "training");
    expect(trainings.map((item) => item.startsAt?.toISOString())).toEqual([
      "2025-03-12T05:00:00.000Z",
      "2025-04-09T05:00:00.000Z",
      "2025-05-14T05:00:00.000Z",
      "2025-06-11T05:00:00.000Z",
      "2025-07-09T05:00:00.000Z",
      "2025-08-13T05:00:00.000Z",
      "2025-09-10T05:00:00.000Z",
    ]);
    expect(trainings[0]?.endsAt?.toISOString()).toBe("2025-03-12T07:00:00.000Z");
    expect(trainings.every((item) => item.attendance && item.audience === "all")).toBe(true);
    expect(new Set(trainings.map((item) => item.sourceKey)).size).toBe(7);
  });

  it("makes every monthly assignment due at the end of its day, Seoul time", () => {
    const assignments = items.filter((item) => item.kind === "assignment");
    expect(assignments).toHaveLength(7);
    // The first is due on 25 March: 23:59 in Seoul is 14:59 UTC.
    expect(assignments[0]?.dueAt?.toISOString()).toBe("2025-03-25T14:59:00.000Z");
    // The last, the activity report, on 20 September.
    expect(assignments.at(-1)?.dueAt?.toISOString()).toBe("2025-09-20T14:59:00.000Z");
    expect(assignments.every((item) => item.startsAt === null && item.endsAt === null)).toBe(true);
  });

  it("runs the two-day workshop from the fourth Thursday of July to the next day", () => {
    const workshop = items.find((item) => item.title.en === "Two-day workshop");
    expect(workshop?.startsAt?.toISOString()).toBe("2025-07-24T01:00:00.000Z");
    expect(workshop?.endsAt?.toISOString()).toBe("2025-07-25T07:00:00.000Z");
  });

  it("gives the executive meeting to the junior mentors only", () => {
    const meeting = items.find((item) => item.title.en === "Joining the executive meeting");
    expect(meeting?.audience).toBe("mentors");
    // The first Monday of April 2025.
    expect(meeting?.startsAt?.toISOString()).toBe("2025-04-07T00:00:00.000Z");
  });

  it("lists items in the order they happen", () => {
    const moments = items.map((item) => (item.startsAt ?? item.dueAt)?.getTime() ?? 0);
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
  });

  it("leaves out what falls after a shorter cohort's activities end", () => {
    const short = planCohortCalendar(
      reverse,
      { activitiesStart: calendarDate("2025-03-01"), activitiesEnd: calendarDate("2025-05-31") },
      SEOUL,
    );
    expect(short.filter((item) => item.kind === "training")).toHaveLength(3);
    expect(short.filter((item) => item.kind === "assignment")).toHaveLength(3);
    expect(short.some((item) => item.title.en === "Two-day workshop")).toBe(false);
    const last = Math.max(...short.map((item) => (item.endsAt ?? item.dueAt)?.getTime() ?? 0));
    expect(last).toBeLessThan(new Date("2025-06-01T00:00:00+09:00").getTime());
  });

  it("gives Yongin's pairs a mentoring day every third Wednesday, with no attendance taken", () => {
    const standard = builtinTemplate("new_official_mentoring");
    const days = planCohortCalendar(
      standard,
      { activitiesStart: calendarDate("2025-04-01"), activitiesEnd: calendarDate("2025-09-30") },
      SEOUL,
    ).filter((item) => item.kind === "mentoring_day");
    expect(days).toHaveLength(6);
    expect(days[0]?.startsAt?.toISOString()).toBe("2025-04-16T07:00:00.000Z");
    expect(days.every((item) => !item.attendance)).toBe(true);
  });
});

describe("days of an activity month", () => {
  const start = calendarDate("2025-11-10");

  it("counts months from the one activities start in, across the new year", () => {
    expect(dayOfActivityMonth(start, 1, { day: 20 })).toBe("2025-11-20");
    expect(dayOfActivityMonth(start, 3, { day: 5 })).toBe("2026-01-05");
    expect(dayOfActivityMonth(start, 15, { day: 1 })).toBe("2027-01-01");
  });

  it("reads week 5 as the last such weekday of the month", () => {
    // December 2025 has five Wednesdays (the 31st is the last); February 2026 has four (the 25th).
    expect(dayOfActivityMonth(start, 2, { week: 5, weekday: 3 })).toBe("2025-12-31");
    expect(dayOfActivityMonth(start, 4, { week: 5, weekday: 3 })).toBe("2026-02-25");
    expect(dayOfActivityMonth(start, 4, { week: 1, weekday: 7 })).toBe("2026-02-01");
  });

  it("counts the months a period touches", () => {
    expect(activityMonths(gangneung2025.activitiesStart, gangneung2025.activitiesEnd)).toBe(7);
    expect(activityMonths(calendarDate("2025-12-15"), calendarDate("2026-01-05"))).toBe(2);
    expect(activityMonths(calendarDate("2025-12-15"), calendarDate("2025-11-05"))).toBe(0);
  });
});

describe("a template's calendar entry", () => {
  const entry = {
    kind: "event",
    title: { ko: "워크숍", en: "Workshop" },
    month: 1,
    on: { day: 10 },
    startTime: "14:00",
    endTime: "16:00",
  };

  it("takes an event of an afternoon", () => {
    expect(calendarEntrySchema.safeParse(entry).success).toBe(true);
  });

  it("refuses one that ends before it starts, at the end time", () => {
    const parsed = calendarEntrySchema.safeParse({ ...entry, endTime: "13:00" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["endTime"]);
  });

  it("takes an overnight workshop whose second day ends earlier in the day than the first began", () => {
    expect(calendarEntrySchema.safeParse({ ...entry, endTime: "12:00", days: 2 }).success).toBe(true);
  });

  it("refuses a day past the 28th, which not every month has, and a time that is not one", () => {
    expect(calendarEntrySchema.safeParse({ ...entry, on: { day: 31 } }).success).toBe(false);
    expect(calendarEntrySchema.safeParse({ ...entry, startTime: "25:00" }).success).toBe(false);
    expect(calendarEntrySchema.safeParse({ ...entry, on: { week: 6, weekday: 1 } }).success).toBe(false);
  });
});
