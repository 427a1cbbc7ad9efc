import { type CalendarDate, calendarDateParts, compareCalendarDates, isLeapYear } from "./calendar-date";

export type YearsOfService = { ok: true; years: number } | { ok: false; reason: "not_yet_hired" };

/**
 * Completed full years of service from `hireDate` to `at`: a year is completed on the anniversary of the
 * hire date, so someone hired 2020-03-01 has 4 years on 2025-02-28 and 5 on 2025-03-01.
 *
 * A 29 February hire reaches the anniversary on 28 February in common years, the last day of that month,
 * as the Civil Act (민법 제160조 제3항) ends a period whose final month lacks the day.
 *
 * A hire date after `at` is reported as not yet hired rather than as a negative count, so a rule such as
 * "at most 5 years" cannot mistake a future appointee for a junior.
 */
export function yearsOfService(hireDate: CalendarDate, at: CalendarDate): YearsOfService {
  if (compareCalendarDates(hireDate, at) > 0) return { ok: false, reason: "not_yet_hired" };
  const hire = calendarDateParts(hireDate);
  const now = calendarDateParts(at);
  const anniversaryDay = hire.month === 2 && hire.day === 29 && !isLeapYear(now.year) ? 28 : hire.day;
  const beforeAnniversary = now.month < hire.month || (now.month === hire.month && now.day < anniversaryDay);
  return { ok: true, years: now.year - hire.year - (beforeAnniversary ? 1 : 0) };
}
