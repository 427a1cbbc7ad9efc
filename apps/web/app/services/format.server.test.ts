import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import {
  dateTimeOptions,
  formatClock,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatNumbers,
} from "./format.server";

const moment = new Date("2026-12-01T09:05:00Z");

describe("formatDateTime", () => {
  it("shows the moment on the tenant's clock, Korean on a 24-hour clock", () => {
    expect(formatDateTime(moment, "ko", "Asia/Seoul")).toBe("2026. 12. 1. 18:05");
    expect(formatDateTime(moment, "ko", "Asia/Seoul", { dateStyle: "long", timeStyle: "short" })).toBe(
      "2026년 12월 1일 18:05",
    );
    expect(formatDateTime(moment, "en", "Europe/London", { dateStyle: "long" })).toBe("December 1, 2026");
    expect(formatDateTime(moment, "en", "Asia/Seoul")).toMatch(/^Dec 1, 2026, 6:05\sPM$/);
  });

  it("takes the day from the zone: late evening in London is the next day in Seoul", () => {
    const evening = new Date("2026-12-01T20:00:00Z");
    expect(formatDateTime(evening, "ko", "Europe/London", { dateStyle: "medium" })).toBe("2026. 12. 1.");
    expect(formatDateTime(evening, "ko", "Asia/Seoul", { dateStyle: "medium" })).toBe("2026. 12. 2.");
  });

  it("reads as a message's {{value, datetime}} with the same style", () => {
    const i18n = createInstance();
    void i18n.init({ initImmediate: false });
    const styles = [
      { dateStyle: "medium", timeStyle: "short" },
      { dateStyle: "long" },
      { timeStyle: "short" },
    ] as const;
    for (const locale of ["ko", "en"])
      for (const timeZone of ["Asia/Seoul", "America/New_York"])
        for (const style of styles) {
          const options = dateTimeOptions(locale, timeZone, style);
          expect(formatDateTime(moment, locale, timeZone, style)).toBe(
            i18n.services.formatter?.format(moment, "datetime", locale, options),
          );
        }
  });

  it("throws for an invalid date or an unknown zone rather than showing something else", () => {
    expect(() => formatDateTime(new Date(Number.NaN), "ko", "Asia/Seoul")).toThrow(RangeError);
    expect(() => formatDateTime(moment, "ko", "Asia/Nowhere")).toThrow(RangeError);
  });
});

describe("formatClock", () => {
  it("is a two-digit 24-hour time in every language", () => {
    expect(formatClock(moment, "ko", "Asia/Seoul")).toBe("18:05");
    expect(formatClock(moment, "en-GB", "Asia/Seoul")).toBe("18:05");
    expect(formatClock(new Date("2026-12-01T00:07:00Z"), "en", "UTC")).toBe("00:07");
  });
});

describe("numbers", () => {
  it("groups thousands, and takes Intl's options", () => {
    expect(formatNumber(1234567, "ko")).toBe("1,234,567");
    expect(formatNumber(0.826, "ko", { style: "percent", maximumFractionDigits: 0 })).toBe("83%");
    expect(formatNumber(1.5, "en", { maximumFractionDigits: 2, signDisplay: "always" })).toBe("+1.5");
  });

  it("formats each count of a record", () => {
    expect(formatNumbers({ created: 1200, updated: 3 }, "ko")).toEqual({ created: "1,200", updated: "3" });
  });

  it("shows won without decimals, and other currencies as their own", () => {
    expect(formatMoney(99000, "ko")).toBe("₩99,000");
    expect(formatMoney(99000, "en")).toBe("₩99,000");
    expect(formatMoney(12.5, "en", "USD")).toBe("$12.50");
  });
});
