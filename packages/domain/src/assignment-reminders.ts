/*
 * When a team that has not handed in an assignment is reminded of it: a few days before its due moment,
 * and once just after it passed. Pure: the caller finds the assignments and the teams, these decide.
 */

const HOUR_MS = 3_600_000;

/** "Due in 3 days": reminded once within this many hours before the due moment. */
export const DUE_SOON_HOURS = 72;
/** A due moment passed longer ago than this is not announced as late any more (nobody is told of old news). */
export const LATE_NOTICE_HOURS = 72;

export type AssignmentReminder = "due_soon" | "late";

/**
 * What to tell a team without a submission at `now`: "due_soon" while the due moment is ahead and within
 * 72 hours (never once it passed: no reminder announces a moment in the past), "late" once it passed, for
 * 72 hours, and nothing otherwise.
 */
export function assignmentReminder(dueAt: Date, now: Date): AssignmentReminder | null {
  const ahead = dueAt.getTime() - now.getTime();
  if (ahead > 0) return ahead <= DUE_SOON_HOURS * HOUR_MS ? "due_soon" : null;
  return -ahead < LATE_NOTICE_HOURS * HOUR_MS ? "late" : null;
}

/** The due moments `assignmentReminder` may speak of at `now`: after `from`, up to `until`. */
export function reminderWindow(now: Date): { from: Date; until: Date } {
  return {
    from: new Date(now.getTime() - LATE_NOTICE_HOURS * HOUR_MS),
    until: new Date(now.getTime() + DUE_SOON_HOURS * HOUR_MS),
  };
}
