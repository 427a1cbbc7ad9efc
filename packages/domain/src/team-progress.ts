/*
 * How a team is doing, from what the program records: the rules behind the coordinator's dashboard.
 * Pure: the caller counts, these decide.
 */

/** A team is at risk when it has logged nothing for this many days (or since activities began). */
export const SILENT_DAYS_AT_RISK = 21;

/** Days between two calendar days' epochs, rounded down. */
const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 86_400_000);

/**
 * At risk: activities have run for the silent period and the team's last activity (or the start of
 * activities, when it has none) is at least that long ago.
 */
export function isTeamAtRisk(input: {
  lastActivityOn: Date | null;
  activitiesStart: Date;
  today: Date;
  silentDays?: number;
}): boolean {
  const silentDays = input.silentDays ?? SILENT_DAYS_AT_RISK;
  if (daysBetween(input.activitiesStart, input.today) < silentDays) return false;
  const since = input.lastActivityOn ?? input.activitiesStart;
  return daysBetween(since, input.today) >= silentDays;
}

/** Present out of expected, as a share from 0 to 1, or null when nothing has been marked yet. */
export function attendanceRate(present: number, marked: number): number | null {
  return marked === 0 ? null : present / marked;
}
