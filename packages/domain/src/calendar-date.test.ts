import { describe, expect, it } from "vitest";
import {
  calendarDate,
  calendarDateIn,
  calendarDateParts,
  calendarDateSchema,
  compareCalendarDates,
  parseCalendarDate,
} from "./calendar-date";

describe("parseCalendarDate", () => {
  it("accepts real dates, including 29 February in a leap year", () => {
    expect(parseCalendarDate("2025-01-22")).toBe("2025-01-22");
    expect(parseCalendarDate("2024-02-29")).toBe("2024-02-29");
    expect(parseCalendarDate("2000-02-29")).toBe("2000-02-29");
  });

  it("rejects days that do not exist", () => {
    expect(parseCalendarDate("2025-02-30")).toBeNull();
    expect(parseCalendarDate("2025-02-29")).toBeNull();
    expect(parseCalendarDate("1900-02-29")).toBeNull();
    expect(parseCalendarDate("2025-04-31")).toBeNull();
    expect(parseCalendarDate("2025-13-01")).toBeNull();
    expect(parseCalendarDate("2025-00-10")).toBeNull();
    expect(parseCalendarDate("2025-01-00")).toBeNull();
  });

  it("rejects anything but the YYYY-MM-DD form", () => {
    for (const text of ["2025-1-22", "2025/01/22", "20250122", " 2025-01-22", "2025-01-22T00:00:00Z", ""]) {
      expect(parseCalendarDate(text)).toBeNull();
    }
  });
});

describe("calendarDate", () => {
  it("throws a RangeError for an invalid date", () => {
    expect(() => calendarDate("2025-02-30")).toThrow(RangeError);
  });
});

describe("calendarDateSchema", () => {
  it("passes valid dates and reports invalid ones as issues", () => {
    expect(calendarDateSchema.parse("2025-03-01")).toBe("2025-03-01");
    expect(calendarDateSchema.safeParse("2025-02-30").success).toBe(false);
  });
});

describe("calendarDateIn", () => {
  it("gives the day on the Seoul calendar by default, which is ahead of UTC", () => {
    expect(calendarDateIn(new Date("2025-01-21T15:00:00Z"))).toBe("2025-01-22");
    expect(calendarDateIn(new Date("2025-01-21T14:59:59Z"))).toBe("2025-01-21");
  });

  it("uses the given time zone", () => {
    expect(calendarDateIn(new Date("2025-01-21T15:00:00Z"), "UTC")).toBe("2025-01-21");
    expect(calendarDateIn(new Date("2025-01-01T03:00:00Z"), "America/Los_Angeles")).toBe("2024-12-31");
  });

  it("throws for an invalid instant", () => {
    expect(() => calendarDateIn(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("compareCalendarDates", () => {
  it("orders dates chronologically", () => {
    const dates = ["2025-03-01", "2024-12-31", "2025-02-28"].map(calendarDate);
    expect(dates.sort(compareCalendarDates)).toEqual(["2024-12-31", "2025-02-28", "2025-03-01"]);
    expect(compareCalendarDates(calendarDate("2025-01-22"), calendarDate("2025-01-22"))).toBe(0);
  });
});

describe("calendarDateParts", () => {
  it("splits a date into numbers", () => {
    expect(calendarDateParts(calendarDate("2025-01-22"))).toEqual({ year: 2025, month: 1, day: 22 });
  });
});
