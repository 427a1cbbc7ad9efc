import { z } from "zod";

/**
 * A calendar date as an ISO string "YYYY-MM-DD": a day on the wall calendar, with no time and no time zone.
 * Hire dates and rule windows are days, not instants, so they are never stored as Date objects; the brand
 * makes sure a string has been through `parseCalendarDate` before a rule trusts it.
 */
export type CalendarDate = string & { readonly __brand: "CalendarDate" };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date, or null when the text is not a real "YYYY-MM-DD" date (2025-02-30 and 2025-13-01 are not). */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return text as CalendarDate;
}

/** Accepts a "YYYY-MM-DD" string and yields a CalendarDate, for rules and forms that carry dates. */
export const calendarDateSchema = z.string().transform((text, context): CalendarDate => {
  const date = parseCalendarDate(text);
  if (date === null) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      message: "must be a real calendar date (YYYY-MM-DD)",
      params: { code: "not_a_date" },
    });
    return z.NEVER;
  }
  return date;
});

/** For dates known to be valid (constants, fixtures); throws a RangeError otherwise. */
export function calendarDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (date === null) throw new RangeError(`not a valid calendar date: ${JSON.stringify(text)}`);
  return date;
}

export function calendarDateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * The calendar date that `instant` falls on in `timeZone`. The day a person applies is the day on the
 * tenant's wall calendar: 23:30 UTC on 21 January is already 22 January in Seoul.
 */
export function calendarDateIn(instant: Date, timeZone = "Asia/Seoul"): CalendarDate {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    calendar: "gregory",
    numberingSystem: "latn",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return calendarDate(`${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`);
}

/** Negative when a is earlier, 0 when equal, positive when later; usable as a sort comparator. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  // Zero-padded ISO dates with four-digit years sort chronologically as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

const MS_PER_DAY = 86_400_000;
const dayNumber = (date: CalendarDate) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;

/** The date `days` later (earlier when negative); calendar arithmetic, no time zone involved. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}
