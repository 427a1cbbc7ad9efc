import { addDays, calendarDate } from "./calendar-date";
import type { ScheduleOffsets } from "./cohort-schedule";
import type { FieldIssue } from "./errors";
import { activityMonths } from "./program-calendar";

/** The first of every month of four years, a leap year among them: every month length a cohort can meet. */
const firstsOfMonths = Array.from({ length: 48 }, (_, index) =>
  calendarDate(`${2001 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`),
);

/**
 * How many activity months a cohort of this template can have: the most months its activities touch when
 * they start on the first of some month (day 38 to 251, 213 days: 1 March to 30 September is 7, but 1
 * February to 2 September is 8). A month beyond that is in no cohort's period; one inside it may still be
 * outside a given cohort's, and the calendar plan leaves out what falls outside a cohort's own dates.
 */
export function templateActivityMonths(
  phases: Pick<ScheduleOffsets, "activitiesStart" | "activitiesEnd">,
): number {
  const span = Math.max(0, phases.activitiesEnd - phases.activitiesStart);
  return Math.max(...firstsOfMonths.map((first) => activityMonths(first, addDays(first, span))));
}

/** Message key of an assignment or calendar item set in a month after activities end. */
export const BEYOND_ACTIVITIES_MESSAGE = "templateDesign.issue.beyondActivities";

/**
 * Each assignment and calendar item of a template whose (first) month comes after its activities end, as
 * a field issue on that month with the number of activity months. Checked when a template is saved, not
 * when a stored one is read: a definition saved before the check still opens.
 */
export function monthsBeyondActivities(definition: {
  phases: Pick<ScheduleOffsets, "activitiesStart" | "activitiesEnd">;
  assignments: readonly { month: number }[];
  calendar: readonly { month: number }[];
}): FieldIssue[] {
  const months = templateActivityMonths(definition.phases);
  const beyond = (list: "assignments" | "calendar", entries: readonly { month: number }[]) =>
    entries.flatMap((entry, index) =>
      entry.month > months
        ? [{ path: `${list}.${index}.month`, message: BEYOND_ACTIVITIES_MESSAGE, params: { months } }]
        : [],
    );
  return [...beyond("assignments", definition.assignments), ...beyond("calendar", definition.calendar)];
}
