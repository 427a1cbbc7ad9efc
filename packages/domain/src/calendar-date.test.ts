import { describe, expect, it } from "vitest";
import {
  addDays,
  addYears,
  calendarDate,
  calendarDateIn,
  calendarDateParts,
  calendarDateSchema,
  compareCalendarDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fixedUtcOffset,
  instantAt,
  isLeapYear,
  parseCalendarDate,
  startOfDayIn,
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

describe("addDays, addYears and daysBetween", () => {
  it("count calendar days across month, year and leap-day boundaries", () => {
    expect(addDays(calendarDate("2024-02-28"), 1)).toBe("2024-02-29");
    expect(addDays(calendarDate("2025-02-28"), 1)).toBe("2025-03-01");
    expect(addDays(calendarDate("2025-01-01"), -1)).toBe("2024-12-31");
    expect(daysBetween(calendarDate("2025-01-01"), calendarDate("2025-03-01"))).toBe(59);
    expect(daysBetween(calendarDate("2025-03-01"), calendarDate("2025-01-01"))).toBe(-59);
  });

  it("ignore summer time, which moves clocks and not days", () => {
    expect(daysBetween(calendarDate("2025-03-08"), calendarDate("2025-03-10"))).toBe(2);
  });

  it("move 29 February to 28 February in a common year", () => {
    expect(addYears(calendarDate("2024-02-29"), 1)).toBe("2025-02-28");
    expect(addYears(calendarDate("2024-02-29"), -4)).toBe("2020-02-29");
  });

  it("refuse to leave the four-digit years", () => {
    expect(() => addDays(calendarDate("9999-12-31"), 1)).toThrow(RangeError);
  });
});

describe("isLeapYear, daysInMonth and dayOfWeek", () => {
  it("follow the Gregorian calendar", () => {
    expect([1900, 2000, 2024, 2025].map(isLeapYear)).toEqual([false, true, true, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual(
      [29, 28, 30, 31],
    );
    expect(dayOfWeek(calendarDate("2025-01-22"))).toBe(3);
    expect(dayOfWeek(calendarDate("2025-01-26"))).toBe(7);
  });
});

describe("instantAt", () => {
  it("reads a wall-clock time in Seoul, nine hours ahead of UTC all year", () => {
    expect(instantAt("2025-04-15", "14:00", "Asia/Seoul")?.toISOString()).toBe("2025-04-15T05:00:00.000Z");
    expect(instantAt("2025-07-01", "00:00", "Asia/Seoul")?.toISOString()).toBe("2025-06-30T15:00:00.000Z");
  });

  it("crosses the date line backwards for an early morning in Seoul", () => {
    expect(instantAt("2025-01-01", "08:30", "Asia/Seoul")?.toISOString()).toBe("2024-12-31T23:30:00.000Z");
  });

  it("follows summer time where a zone has it", () => {
    expect(instantAt("2025-07-01", "12:00", "Europe/Berlin")?.toISOString()).toBe("2025-07-01T10:00:00.000Z");
    expect(instantAt("2025-01-15", "12:00", "Europe/Berlin")?.toISOString()).toBe("2025-01-15T11:00:00.000Z");
  });

  it("uses the offset in force on New York's change days, before and after the change", () => {
    // 9 March 2025: clocks jump from 02:00 EST to 03:00 EDT.
    expect(instantAt("2025-03-09", "01:59", "America/New_York")?.toISOString()).toBe(
      "2025-03-09T06:59:00.000Z",
    );
    expect(instantAt("2025-03-09", "03:00", "America/New_York")?.toISOString()).toBe(
      "2025-03-09T07:00:00.000Z",
    );
    // 2 November 2025: clocks fall back from 02:00 EDT to 01:00 EST.
    expect(instantAt("2025-11-02", "00:30", "America/New_York")?.toISOString()).toBe(
      "2025-11-02T04:30:00.000Z",
    );
    expect(instantAt("2025-11-02", "02:30", "America/New_York")?.toISOString()).toBe(
      "2025-11-02T07:30:00.000Z",
    );
  });

  it("reads a skipped time as after the jump and a repeated time as its first occurrence", () => {
    expect(instantAt("2025-03-09", "02:30", "America/New_York")?.toISOString()).toBe(
      "2025-03-09T07:30:00.000Z",
    );
    expect(instantAt("2025-11-02", "01:30", "America/New_York")?.toISOString()).toBe(
      "2025-11-02T05:30:00.000Z",
    );
  });

  it("refuses a day or time that does not exist", () => {
    expect(instantAt("2025-02-30", "14:00", "Asia/Seoul")).toBeNull();
    expect(instantAt("2025-04-15", "24:00", "Asia/Seoul")).toBeNull();
    expect(instantAt("2025-04-15", "2pm", "Asia/Seoul")).toBeNull();
    expect(instantAt("2025-04-15", "9:00", "Asia/Seoul")).toBeNull();
    expect(instantAt("", "", "Asia/Seoul")).toBeNull();
  });

  it("throws for an unknown time zone", () => {
    expect(() => instantAt("2025-04-15", "14:00", "Asia/Nowhere")).toThrow(RangeError);
  });

  it("round-trips with calendarDateIn", () => {
    const instant = instantAt("2025-01-22", "00:10", "Asia/Seoul") as Date;
    expect(calendarDateIn(instant, "Asia/Seoul")).toBe("2025-01-22");
    expect(calendarDateIn(instant, "UTC")).toBe("2025-01-21");
  });
});

describe("startOfDayIn", () => {
  it("is midnight on the tenant's clock", () => {
    expect(startOfDayIn(calendarDate("2025-01-22"), "Asia/Seoul").toISOString()).toBe(
      "2025-01-21T15:00:00.000Z",
    );
    expect(startOfDayIn(calendarDate("2025-01-22"), "UTC").toISOString()).toBe("2025-01-22T00:00:00.000Z");
  });

  it("makes New York's change days 23 and 25 hours long", () => {
    const hours = (day: string) =>
      (startOfDayIn(addDays(calendarDate(day), 1), "America/New_York").getTime() -
        startOfDayIn(calendarDate(day), "America/New_York").getTime()) /
      3_600_000;
    expect(startOfDayIn(calendarDate("2025-03-09"), "America/New_York").toISOString()).toBe(
      "2025-03-09T05:00:00.000Z",
    );
    expect(startOfDayIn(calendarDate("2025-03-10"), "America/New_York").toISOString()).toBe(
      "2025-03-10T04:00:00.000Z",
    );
    expect([hours("2025-03-09"), hours("2025-11-02"), hours("2025-11-03")]).toEqual([23, 25, 24]);
  });

  it("starts at the first existing time when summer time skips midnight", () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 8 September 2024.
    expect(startOfDayIn(calendarDate("2024-09-08"), "America/Santiago").toISOString()).toBe(
      "2024-09-08T04:00:00.000Z",
    );
  });

  it("throws for an unknown time zone", () => {
    expect(() => startOfDayIn(calendarDate("2025-01-22"), "Asia/Nowhere")).toThrow(RangeError);
  });
});

describe("a zone's fixed offset", () => {
  it("is +0900 for Seoul all year, and nothing for a zone with summer time", () => {
    expect(fixedUtcOffset("Asia/Seoul", 2026)).toBe("+0900");
    expect(fixedUtcOffset("UTC", 2026)).toBe("+0000");
    expect(fixedUtcOffset("Europe/Berlin", 2026)).toBeNull();
  });
});
