import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDate } from "./calendar-date";
import { closesBeforeOpens } from "./date-window";

describe("a window of days", () => {
  const start = calendarDate("2025-01-22");

  it("may close on the day it opens, or any day after", () => {
    expect(closesBeforeOpens({ opens: start, closes: start })).toBe(false);
    expect(closesBeforeOpens({ opens: start, closes: calendarDate("2025-02-10") })).toBe(false);
  });

  it("may not close the day before it opens, across a month and a year", () => {
    expect(closesBeforeOpens({ opens: start, closes: calendarDate("2025-01-21") })).toBe(true);
    expect(closesBeforeOpens({ opens: calendarDate("2025-03-01"), closes: calendarDate("2025-02-28") })).toBe(
      true,
    );
    expect(closesBeforeOpens({ opens: calendarDate("2026-01-01"), closes: calendarDate("2025-12-31") })).toBe(
      true,
    );
  });

  it("closes before it opens exactly when its close is earlier, for any two days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 }), (a, b) => {
        const window = { opens: addDays(start, a), closes: addDays(start, b) };
        return closesBeforeOpens(window) === b < a;
      }),
    );
  });
});

describe("a window of moments", () => {
  const starts = new Date("2025-07-24T01:00:00Z");

  it("may end at the moment it starts, or later", () => {
    expect(closesBeforeOpens({ opens: starts, closes: starts })).toBe(false);
    expect(closesBeforeOpens({ opens: starts, closes: new Date("2025-07-25T07:00:00Z") })).toBe(false);
  });

  it("may not end a millisecond before it starts", () => {
    expect(closesBeforeOpens({ opens: starts, closes: new Date(starts.getTime() - 1) })).toBe(true);
  });
});
