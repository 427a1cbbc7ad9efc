/**
 * Calendar dates as "YYYY-MM-DD" strings, computed in UTC so that results never depend on the clock or
 * the machine's time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  if (match) {
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    // Date.UTC rolls 31 April over into 1 May; a date that does not survive the round trip is invalid.
    if (formatIsoDate(fromDayNumber(toDayNumber(date))) === text) return date;
  }
  throw new RangeError(`not a valid calendar date: ${JSON.stringify(text)}`);
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function toDayNumber({ year, month, day }: CalendarDate): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(text: string, days: number): string {
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(text)) + days));
}

/** The same month and day `years` later (negative: earlier); 29 February becomes 28 February off leap years. */
export function addYears(text: string, years: number): string {
  const { year, month, day } = parseIsoDate(text);
  const target = year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return formatIsoDate({ year: target, month, day: month === 2 && day === 29 && !leap ? 28 : day });
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(text: string): number {
  return (((toDayNumber(parseIsoDate(text)) + 4) % 7) + 7) % 7;
}

/** Whole years from `from` to `to`: a year counts once its anniversary has been reached. */
export function completedYearsBetween(from: string, to: string): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  const beforeAnniversary = end.month < start.month || (end.month === start.month && end.day < start.day);
  return end.year - start.year - (beforeAnniversary ? 1 : 0);
}
