import { describe, expect, it } from "vitest";
import { calendarDate } from "./calendar-date";
import { yearsOfService } from "./service-years";

function years(hireDate: string, at: string) {
  return yearsOfService(calendarDate(hireDate), calendarDate(at));
}

describe("yearsOfService", () => {
  it("completes a year on the anniversary of the hire date, not before", () => {
    expect(years("2020-03-01", "2025-02-28")).toEqual({ ok: true, years: 4 });
    expect(years("2020-03-01", "2025-03-01")).toEqual({ ok: true, years: 5 });
  });

  it("counts 0 years from the hire date until the first anniversary", () => {
    expect(years("2025-01-22", "2025-01-22")).toEqual({ ok: true, years: 0 });
    expect(years("2024-01-23", "2025-01-22")).toEqual({ ok: true, years: 0 });
  });

  it("matches the Gangneung boundaries: exactly 5 years, and 5 years and 364 days", () => {
    expect(years("2020-01-22", "2025-01-22")).toEqual({ ok: true, years: 5 });
    expect(years("2019-01-23", "2025-01-22")).toEqual({ ok: true, years: 5 });
    expect(years("2019-01-22", "2025-01-22")).toEqual({ ok: true, years: 6 });
  });

  it("lets a 29 February hire reach the anniversary on 28 February in common years", () => {
    expect(years("2020-02-29", "2021-02-27")).toEqual({ ok: true, years: 0 });
    expect(years("2020-02-29", "2021-02-28")).toEqual({ ok: true, years: 1 });
    expect(years("2020-02-29", "2024-02-28")).toEqual({ ok: true, years: 3 });
    expect(years("2020-02-29", "2024-02-29")).toEqual({ ok: true, years: 4 });
  });

  it("reports a hire date after the day of judgement as not yet hired", () => {
    expect(years("2025-01-23", "2025-01-22")).toEqual({ ok: false, reason: "not_yet_hired" });
  });
});
