import { type CalendarDate, compareCalendarDates } from "./calendar-date";

/*
 * Windows: what opens and then closes. Recruitment and the cohort's other phases (days), survey rounds
 * (days), trainings and events (moments), an event's sign-up closing before it starts (moments). One rule
 * for all of them: a window may close when it opens (the same day, the same moment) but never before.
 */

/** A window of calendar days or of moments. */
export type DateWindow = { opens: CalendarDate; closes: CalendarDate } | { opens: Date; closes: Date };

/** Whether the window closes before it opens: refused wherever a window is entered or computed. */
export function closesBeforeOpens(window: DateWindow): boolean {
  const { opens, closes } = window;
  if (opens instanceof Date && closes instanceof Date) return closes.getTime() < opens.getTime();
  return compareCalendarDates(closes as CalendarDate, opens as CalendarDate) < 0;
}
