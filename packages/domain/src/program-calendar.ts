import { z } from "zod";
import {
  addDays,
  type CalendarDate,
  calendarDateParts,
  compareCalendarDates,
  dayOfWeek,
  instantAt,
} from "./calendar-date";
import { type LocalizedText, localizedTextSchema } from "./localized-text";

/*
 * A cohort's program calendar: what happens when from March to September. The template says it in
 * offsets (the second Wednesday of every activity month, the 25th of the third month); a cohort's
 * activity dates and its tenant's time zone turn them into moments. Assignments keep their own list in the
 * template and become calendar items of their own kind here.
 */

export const calendarItemKinds = ["assignment", "training", "event", "mentoring_day"] as const;
export type CalendarItemKind = (typeof calendarItemKinds)[number];

/** Who an item is for; a coordinator may also give an item to one team. */
export const calendarAudiences = ["all", "mentors", "mentees"] as const;
export type CalendarAudience = (typeof calendarAudiences)[number];

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day (HH:MM)");

/** A day of an activity month: its date, or the n-th weekday (week 5 is the last one of the month). */
const dayInMonthSchema = z.union([
  z.object({ day: z.number().int().min(1).max(28) }).strict(),
  z
    .object({
      week: z.number().int().min(1).max(5),
      /** ISO numbering: 1 is Monday, 7 is Sunday. */
      weekday: z.number().int().min(1).max(7),
    })
    .strict(),
]);
export type DayInMonth = z.infer<typeof dayInMonthSchema>;

/** A training session, an event or a mentoring day, as a template states it. */
export const calendarEntrySchema = z
  .object({
    kind: z.enum(["training", "event", "mentoring_day"]),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    place: z.string().trim().max(200).default(""),
    /** The activity month of the first (or only) occurrence: 1 is the month activities start in. */
    month: z.number().int().min(1).max(36),
    on: dayInMonthSchema,
    /** Every activity month from `month` on, while activities run; or once. */
    repeat: z.enum(["none", "monthly"]).default("none"),
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
    /** How many days it runs (a two-day workshop is 2): it ends on the last of them at `endTime`. */
    days: z.number().int().min(1).max(14).default(1),
    audience: z.enum(calendarAudiences).default("all"),
    /** Whether attendance is taken (check-in by QR or marked by the coordinator). */
    attendance: z.boolean().default(false),
  })
  .strict()
  .refine((entry) => entry.days > 1 || entry.endTime > entry.startTime, {
    message: "must end after it starts",
    path: ["endTime"],
    params: { code: "ends_before_start" },
  });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

/** What the template says of an assignment (see templateDefinitionSchema). */
export interface AssignmentEntry {
  title: LocalizedText;
  description?: LocalizedText;
  month: number;
  dueDay: number;
}

/** One item of a cohort's calendar, at its moments. */
export interface PlannedCalendarItem {
  /** Where it comes from in the template ("training:0#3": the first training entry, fourth month): generating again finds it. */
  sourceKey: string;
  kind: CalendarItemKind;
  title: LocalizedText;
  description: LocalizedText | null;
  place: string;
  /** Trainings, events and mentoring days: when they start and end. */
  startsAt: Date | null;
  endsAt: Date | null;
  /** Assignments: the last moment a submission is on time (the end of the due day, 23:59). */
  dueAt: Date | null;
  audience: CalendarAudience;
  attendance: boolean;
}

/** The calendar day of activity month `month` (1-based from `activitiesStart`) that `on` names. */
export function dayOfActivityMonth(
  activitiesStart: CalendarDate,
  month: number,
  on: DayInMonth,
): CalendarDate {
  const start = calendarDateParts(activitiesStart);
  const index = start.year * 12 + (start.month - 1) + (month - 1);
  const year = Math.floor(index / 12);
  const monthOfYear = (index % 12) + 1;
  const first = `${String(year).padStart(4, "0")}-${String(monthOfYear).padStart(2, "0")}-01` as CalendarDate;
  if ("day" in on) return addDays(first, on.day - 1);
  const firstWeekday = addDays(first, (on.weekday - dayOfWeek(first) + 7) % 7);
  const nth = addDays(firstWeekday, (on.week - 1) * 7);
  // Week 5 means the last such weekday: a month with four of them has its last in week 4.
  return calendarDateParts(nth).month === monthOfYear ? nth : addDays(nth, -7);
}

/** How many activity months `activitiesStart`..`activitiesEnd` touch (March to September: 7). */
export function activityMonths(activitiesStart: CalendarDate, activitiesEnd: CalendarDate): number {
  const start = calendarDateParts(activitiesStart);
  const end = calendarDateParts(activitiesEnd);
  return Math.max(0, (end.year - start.year) * 12 + (end.month - start.month) + 1);
}

const within = (day: CalendarDate, from: CalendarDate, to: CalendarDate) =>
  compareCalendarDates(day, from) >= 0 && compareCalendarDates(day, to) <= 0;

function at(day: CalendarDate, time: string, timeZone: string): Date {
  const instant = instantAt(day, time, timeZone);
  if (!instant) throw new RangeError(`not a moment: ${day} ${time}`);
  return instant;
}

/**
 * The cohort's calendar as its template plans it: every assignment due in the activity period and every
 * occurrence of the template's trainings, events and mentoring days that falls in it, ordered by when
 * they happen (an assignment at its due moment). Occurrences outside the period are left out: a template
 * written for eight months gives a six-month cohort six. Dates in `timeZone`, the tenant's.
 */
export function planCohortCalendar(
  template: { assignments: readonly AssignmentEntry[]; calendar: readonly CalendarEntry[] },
  period: { activitiesStart: CalendarDate; activitiesEnd: CalendarDate },
  timeZone: string,
): PlannedCalendarItem[] {
  const { activitiesStart, activitiesEnd } = period;
  const months = activityMonths(activitiesStart, activitiesEnd);
  const items: PlannedCalendarItem[] = [];
  template.assignments.forEach((assignment, index) => {
    if (assignment.month > months) return;
    const due = dayOfActivityMonth(activitiesStart, assignment.month, { day: assignment.dueDay });
    if (!within(due, activitiesStart, activitiesEnd)) return;
    items.push({
      sourceKey: `assignment:${index}`,
      kind: "assignment",
      title: assignment.title,
      description: assignment.description ?? null,
      place: "",
      startsAt: null,
      endsAt: null,
      dueAt: at(due, "23:59", timeZone),
      audience: "all",
      attendance: false,
    });
  });
  template.calendar.forEach((entry, index) => {
    const last = entry.repeat === "monthly" ? months : entry.month;
    for (let month = entry.month; month <= Math.min(last, months); month++) {
      const first = dayOfActivityMonth(activitiesStart, month, entry.on);
      const lastDay = addDays(first, entry.days - 1);
      if (!within(first, activitiesStart, activitiesEnd)) continue;
      items.push({
        sourceKey: `${entry.kind}:${index}#${month}`,
        kind: entry.kind,
        title: entry.title,
        description: entry.description ?? null,
        place: entry.place,
        startsAt: at(first, entry.startTime, timeZone),
        endsAt: at(lastDay, entry.endTime, timeZone),
        dueAt: null,
        audience: entry.audience,
        attendance: entry.attendance,
      });
    }
  });
  const when = (item: PlannedCalendarItem) => (item.startsAt ?? item.dueAt ?? new Date(0)).getTime();
  return items.sort((a, b) => when(a) - when(b) || a.sourceKey.localeCompare(b.sourceKey));
}
