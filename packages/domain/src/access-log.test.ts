import { describe, expect, it } from "vitest";
import {
  type AccessEvent,
  isOutsideWorkingHours,
  median,
  previousAccessMonth,
  reviewAccessMonth,
} from "./access-log";

const seoul = "Asia/Seoul";
const people = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
let next = 0;
const event = (viewerUserId: string, at: string, rest: Partial<AccessEvent> = {}): AccessEvent => {
  const subjectStaffIds = rest.subjectStaffIds ?? ["p-1"];
  return {
    id: `e-${String(++next).padStart(3, "0")}`,
    viewerUserId,
    kind: "applicant_list",
    cohortId: null,
    subjectCount: subjectStaffIds.length,
    ...rest,
    subjectStaffIds,
    at: new Date(at),
  };
};

describe("the month a review covers", () => {
  it("is the calendar month before now on the tenant's clock, from its first to the next month's first instant", () => {
    // 1 December 00:30 in Seoul is still 30 November in UTC: the month before is November all the same.
    const month = previousAccessMonth(new Date("2026-11-30T15:30:00Z"), seoul);
    expect(month).toEqual({
      month: "2026-11",
      firstDay: "2026-11-01",
      lastDay: "2026-11-30",
      start: new Date("2026-10-31T15:00:00Z"),
      end: new Date("2026-11-30T15:00:00Z"),
    });
  });

  it("goes back over a new year", () => {
    expect(previousAccessMonth(new Date("2027-01-01T03:00:00Z"), seoul).month).toBe("2026-12");
  });
});

describe("working hours", () => {
  it("counts 08:00 to 18:59 on weekdays in the tenant's time zone as inside, the rest as outside", () => {
    // Wednesday 2 December 2026 in Seoul (UTC+9).
    expect(isOutsideWorkingHours(new Date("2026-12-01T22:59:00Z"), seoul)).toBe(true); // 07:59
    expect(isOutsideWorkingHours(new Date("2026-12-01T23:00:00Z"), seoul)).toBe(false); // 08:00
    expect(isOutsideWorkingHours(new Date("2026-12-02T09:59:00Z"), seoul)).toBe(false); // 18:59
    expect(isOutsideWorkingHours(new Date("2026-12-02T10:00:00Z"), seoul)).toBe(true); // 19:00
  });

  it("counts any time on Saturday or Sunday as outside", () => {
    // Saturday 5 December, 11:00 in Seoul; Sunday 6 December, 14:00.
    expect(isOutsideWorkingHours(new Date("2026-12-05T02:00:00Z"), seoul)).toBe(true);
    expect(isOutsideWorkingHours(new Date("2026-12-06T05:00:00Z"), seoul)).toBe(true);
  });

  it("reads the hour in the tenant's own zone: 10:00 in Seoul is 01:00 in London, outside there", () => {
    const at = new Date("2026-12-02T01:00:00Z");
    expect(isOutsideWorkingHours(at, seoul)).toBe(false);
    expect(isOutsideWorkingHours(at, "Europe/London")).toBe(true);
  });
});

describe("the median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBe(0);
  });
});

describe("the monthly review", () => {
  const november = previousAccessMonth(new Date("2026-12-01T00:00:00Z"), seoul);
  // Weekdays in November 2026 at 10:00 Seoul: inside working hours.
  const workday = (day: number) => `2026-11-${String(day).padStart(2, "0")}T01:00:00Z`;

  it("totals views and people per kind, and leaves out what falls outside the month", () => {
    const review = reviewAccessMonth(
      [
        event("u1", workday(2), { subjectStaffIds: people("a", 3) }),
        event("u1", workday(3), { subjectStaffIds: people("a", 2) }),
        event("u2", workday(4), { kind: "evaluation_portfolio", subjectStaffIds: people("t", 4) }),
        // 1 December 09:00 in Seoul: the next month.
        event("u2", "2026-12-01T00:00:00Z"),
        // 31 October 23:00 in Seoul: the month before.
        event("u2", "2026-10-31T14:00:00Z"),
      ],
      november,
      seoul,
    );
    expect(review.month).toBe("2026-11");
    expect(review.views).toBe(3);
    expect(review.byKind).toEqual([
      { kind: "applicant_list", views: 2, people: 5 },
      { kind: "evaluation_portfolio", views: 1, people: 4 },
    ]);
    expect(review.exports).toEqual([]);
    expect(review.outOfHours).toEqual([]);
  });

  it("names a viewer who saw more than three times the median viewer's people and at least 50", () => {
    const review = reviewAccessMonth(
      [
        event("usual-1", workday(2), { subjectStaffIds: people("a", 20) }),
        event("usual-2", workday(2), { subjectStaffIds: people("b", 20) }),
        event("usual-3", workday(2), { subjectStaffIds: people("c", 18) }),
        // 61 distinct people in two views (the same 40 twice do not count twice): > 3 × 20 and ≥ 50.
        event("heavy", workday(3), { subjectStaffIds: people("d", 40) }),
        event("heavy", workday(4), { subjectStaffIds: [...people("d", 40), ...people("e", 21)] }),
      ],
      november,
      seoul,
    );
    expect(review.unusual).toEqual([{ viewerUserId: "heavy", people: 61, views: 2, median: 20 }]);
  });

  it("names nobody below 50 people however far above the median, nor exactly three times it", () => {
    const few = reviewAccessMonth(
      [
        event("a", workday(2), { subjectStaffIds: people("a", 2) }),
        event("b", workday(2), { subjectStaffIds: people("b", 2) }),
        event("c", workday(2), { subjectStaffIds: people("c", 49) }),
      ],
      november,
      seoul,
    );
    expect(few.unusual).toEqual([]);
    const exactlyThree = reviewAccessMonth(
      [
        event("a", workday(2), { subjectStaffIds: people("a", 20) }),
        event("b", workday(2), { subjectStaffIds: people("b", 20) }),
        event("c", workday(2), { subjectStaffIds: people("c", 60) }),
      ],
      november,
      seoul,
    );
    expect(exactlyThree.unusual).toEqual([]);
  });

  it("lists every export and every view outside working hours, in time order", () => {
    const review = reviewAccessMonth(
      [
        event("u1", workday(5), { kind: "team_progress_export", subjectStaffIds: people("a", 40) }),
        // Saturday 7 November, 11:00 in Seoul.
        event("u2", "2026-11-07T02:00:00Z", { kind: "directory" }),
        event("u1", workday(2), { kind: "applicant_export", subjectStaffIds: people("a", 400) }),
        // Tuesday 3 November, 21:30 in Seoul, and an export at that.
        event("u3", "2026-11-03T12:30:00Z", { kind: "cohort_report", subjectStaffIds: people("b", 12) }),
      ],
      november,
      seoul,
    );
    expect(review.exports.map((row) => [row.kind, row.people, row.at])).toEqual([
      ["applicant_export", 400, "2026-11-02T01:00:00.000Z"],
      ["cohort_report", 12, "2026-11-03T12:30:00.000Z"],
      ["team_progress_export", 40, "2026-11-05T01:00:00.000Z"],
    ]);
    expect(review.outOfHours.map((row) => [row.viewerUserId, row.kind])).toEqual([
      ["u3", "cohort_report"],
      ["u2", "directory"],
    ]);
  });
});
