/*
 * A cohort's program calendar: planned from its template (packages/domain program-calendar.ts), then kept
 * by the coordinator. Field rules: records/calendar-item-fields.ts.
 */
export type { AssignmentItemInput, CalendarItemInput, SpanItemInput } from "../records/calendar-item-fields";
export { type CohortCalendar, getCohortCalendar } from "./get-cohort-calendar";
export { planCohortCalendarItems } from "./plan-cohort-calendar";
export { remindTomorrow, type TomorrowRun } from "./remind-tomorrow";
export { removeCalendarItem } from "./remove-calendar-item";
export { saveCalendarItem } from "./save-calendar-item";
