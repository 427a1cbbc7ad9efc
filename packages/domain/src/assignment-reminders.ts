import { calendarDateIn, daysBetween } from "./calendar-date";
import { DEFAULT_ASSIGNMENT_REMINDER_DAYS, MAX_ASSIGNMENT_REMINDER_DAYS } from "./template-notifications";

/*
 * When a team that has not handed in an assignment is reminded of it: from a few days before its due date
 * (as many as the cohort's template says), and once just after it passed. Pure: the caller finds the
 * assignments, the teams and the settings, these decide.
 */

const HOUR_MS = 3_600_000;

/** A due moment passed longer ago than this is not announced as late any more (nobody is told of old news). */
export const LATE_NOTICE_HOURS = 72;

export type AssignmentReminder = "due_soon" | "late";

export interface ReminderSettings {
  /** Reminded from this many days before the due date, on the tenant's calendar (the template's setting). */
  daysBefore: number;
  /** The tenant's time zone: the days are counted on its wall calendar. */
  timeZone: string;
}

/**
 * What to tell a team without a submission at `now`: "due_soon" while the due moment is ahead and its date
 * is at most `daysBefore` days after today (a reminder 3 days before goes out on the 11th for the 14th,
 * whatever the hour of the run), never once it passed (no reminder announces a moment in the past); "late"
 * once it passed, for 72 hours; nothing otherwise.
 */
export function assignmentReminder(
  dueAt: Date,
  now: Date,
  settings: ReminderSettings = { daysBefore: DEFAULT_ASSIGNMENT_REMINDER_DAYS, timeZone: "Asia/Seoul" },
): AssignmentReminder | null {
  const ahead = dueAt.getTime() - now.getTime();
  if (ahead > 0) {
    const days = daysBetween(
      calendarDateIn(now, settings.timeZone),
      calendarDateIn(dueAt, settings.timeZone),
    );
    return days <= settings.daysBefore ? "due_soon" : null;
  }
  return -ahead < LATE_NOTICE_HOURS * HOUR_MS ? "late" : null;
}

/**
 * The due moments `assignmentReminder` may speak of at `now` under any template's settings: after `from`,
 * up to `until` (a day beyond the longest reminder, for the rest of the due date).
 */
export function reminderWindow(now: Date): { from: Date; until: Date } {
  return {
    from: new Date(now.getTime() - LATE_NOTICE_HOURS * HOUR_MS),
    until: new Date(now.getTime() + (MAX_ASSIGNMENT_REMINDER_DAYS + 1) * 24 * HOUR_MS),
  };
}
