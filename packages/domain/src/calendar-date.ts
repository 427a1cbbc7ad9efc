import { Temporal } from "temporal-polyfill";
import { z } from "zod";

/*
 * Calendar dates and instants on a tenant's wall clock, through Temporal (ADR 0011): a PlainDate is a day
 * with no time and no zone, and a ZonedDateTime turns a wall-clock time in a zone into an instant and back,
 * summer time included. The polyfill can give way to the built-in Temporal once Node ships it.
 */

/**
 * A calendar date as an ISO string "YYYY-MM-DD": a day on the wall calendar, with no time and no time zone.
 * Hire dates and rule windows are days, not instants, so they are never stored as Date objects; the brand
 * makes sure a string has been through `parseCalendarDate` before a rule trusts it. A string rather than a
 * PlainDate so that it survives JSON (loaders, job payloads, snapshots) and compares with `<`.
 */
export type CalendarDate = string & { readonly __brand: "CalendarDate" };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

const plainDate = (date: CalendarDate) => Temporal.PlainDate.from(date);

/** Back to the string form; a year outside 0001–9999 has no "YYYY-MM-DD" form and is a RangeError. */
function fromPlainDate(date: Temporal.PlainDate): CalendarDate {
  const text = date.toString();
  if (date.year < 1 || !ISO_DATE.test(text)) throw new RangeError(`date out of range: ${text}`);
  return text as CalendarDate;
}

// The Gregorian rules below are plain arithmetic: parsing runs once per imported row and per form field,
// where building a Temporal object for each would cost far more than the check itself.
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
  return fromPlainDate(
    Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate(),
  );
}

/**
 * The instant a wall-clock day and time ("2025-04-15", "14:00") name in `timeZone`, or null when either is
 * not a real day or a 24-hour "HH:MM" time. Throws a RangeError for an unknown time zone.
 *
 * On a summer-time change day a time the clocks skip (02:30 when they jump from 02:00 to 03:00) is read
 * as the same length of time after the jump (03:30), and a time they pass twice as the first of the two,
 * as calendars do (RFC 5545).
 */
export function instantAt(date: string, time: string, timeZone: string): Date | null {
  const day = parseCalendarDate(date);
  const clock = TIME_OF_DAY.exec(time);
  if (day === null || !clock) return null;
  const zoned = plainDate(day).toZonedDateTime({
    timeZone,
    plainTime: { hour: Number(clock[1]), minute: Number(clock[2]) },
  });
  return new Date(zoned.epochMilliseconds);
}

/**
 * The first instant of `date` in `timeZone`: midnight, or the first time after it where summer time
 * skips midnight itself. The day runs up to `startOfDayIn(addDays(date, 1), timeZone)`, which is not
 * always 24 hours later.
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  return new Date(plainDate(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Negative when a is earlier, 0 when equal, positive when later; usable as a sort comparator. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  // Zero-padded ISO dates with four-digit years sort chronologically as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `days` later (earlier when negative); calendar arithmetic, no time zone involved. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromPlainDate(plainDate(date).add({ days }));
}

/** The same month and day `years` later (earlier when negative); 29 February becomes 28 February off leap years. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return fromPlainDate(plainDate(date).add({ years }));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return plainDate(from).until(plainDate(to), { largestUnit: "days" }).days;
}

/** The day of the week, ISO numbering: 1 is Monday, 7 is Sunday. */
export function dayOfWeek(date: CalendarDate): number {
  return plainDate(date).dayOfWeek;
}

/**
 * The zone's offset from UTC as iCalendar writes it ("+0900"), when the zone keeps one offset all year
 * (no summer time now); null when its offset changes within the year.
 */
export function fixedUtcOffset(timeZone: string, year = new Date().getUTCFullYear()): string | null {
  const offsetOn = (month: number) =>
    Temporal.PlainDate.from({ year, month, day: 1 }).toZonedDateTime({ timeZone }).offset;
  const january = offsetOn(1);
  if (january !== offsetOn(7)) return null;
  return january.replace(":", "").slice(0, 5);
}

/** The wall-clock date and time ("2025-03-12T14:00:00") that `instant` shows in `timeZone`. */
export function wallClockIn(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "second" });
}
