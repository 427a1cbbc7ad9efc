import { Temporal } from "temporal-polyfill";
import type { CalendarDate } from "./calendar-date";

/**
 * The personal-data access log (issue 17 part 4): what kinds of view of someone's data by someone else are
 * recorded, and the rules of the monthly review sent to the tenant's privacy officers. The database enum
 * `access_kind` holds the same words.
 */
export const accessKinds = [
  /** A cohort's applicant list (names, departments, grades, consent) seen by its coordinator. */
  "applicant_list",
  /** The applicant list downloaded as a file. */
  "applicant_export",
  /** Survey answers behind the matching's scores (interests, answers), seen in its review. */
  "survey_answers",
  /** Each person's diagnostic change before and after (the outcomes page's people). */
  "diagnostic_results",
  /** A team's meeting and counselling notes, read by a teammate. */
  "counselling_meetings",
  /** Rows of the staff directory (a directory import's invalid rows with names and numbers). */
  "directory",
  /** An evaluator's view of a team's portfolio: its members, their attendance and work. */
  "evaluation_portfolio",
  /** Every team's progress (members, meetings, attendance) downloaded as a file. */
  "team_progress_export",
  /** The cohort's final report (결과보고서) downloaded, naming its participants. */
  "cohort_report",
] as const;
export type AccessKind = (typeof accessKinds)[number];

/** Kinds that put the data in a file that leaves the platform: every one is listed in the review. */
export const exportAccessKinds: readonly AccessKind[] = [
  "applicant_export",
  "team_progress_export",
  "cohort_report",
];

/** How long the log is kept before the daily purge removes a row: at least two years. */
export const ACCESS_LOG_RETENTION_YEARS = 2;

/** Working hours on the tenant's wall clock: a view before 08:00 or from 19:00 on, or at a weekend, is outside. */
export const WORKING_DAY_START_HOUR = 8;
export const WORKING_DAY_END_HOUR = 19;

/**
 * Unusual volume: a viewer who saw more than this many times the median viewer's number of people, and at
 * least UNUSUAL_MIN_PEOPLE people, in the month. The median is over the viewers of the month, so a month with
 * one viewer has nobody unusual: there is no one to compare with.
 */
export const UNUSUAL_VOLUME_FACTOR = 3;
export const UNUSUAL_MIN_PEOPLE = 50;

/** One row of the log as the review reads it. */
export interface AccessEvent {
  id: string;
  viewerUserId: string;
  kind: AccessKind;
  subjectStaffIds: readonly string[];
  subjectCount: number;
  cohortId: string | null;
  at: Date;
}

export interface AccessMonth {
  /** "2026-11" */
  month: string;
  /** The month's first and last days on the tenant's calendar. */
  firstDay: CalendarDate;
  lastDay: CalendarDate;
  /** Its first instant, and the first instant of the month after, in the tenant's time zone. */
  start: Date;
  end: Date;
}

/** The calendar month before the one `now` falls in, on the tenant's wall clock. */
export function previousAccessMonth(now: Date, timeZone: string): AccessMonth {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const thisMonth = Temporal.PlainDate.from({ year: today.year, month: today.month, day: 1 });
  const first = thisMonth.subtract({ months: 1 });
  const startOf = (day: Temporal.PlainDate) => new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds);
  return {
    month: first.toString().slice(0, 7),
    firstDay: first.toString() as CalendarDate,
    lastDay: thisMonth.subtract({ days: 1 }).toString() as CalendarDate,
    start: startOf(first),
    end: startOf(thisMonth),
  };
}

/** Whether `at` falls outside working hours on the tenant's wall clock: before 08:00, from 19:00, or a weekend. */
export function isOutsideWorkingHours(at: Date, timeZone: string): boolean {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  if (local.dayOfWeek >= 6) return true;
  return local.hour < WORKING_DAY_START_HOUR || local.hour >= WORKING_DAY_END_HOUR;
}

/** The median of some counts (the mean of the middle two for an even number); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface AccessReviewSummary {
  month: string;
  /** Every view in the month. */
  views: number;
  /** Views and people shown per kind (a person shown twice counts twice). */
  byKind: { kind: AccessKind; views: number; people: number }[];
  /** The median viewer's number of distinct people seen, which the unusual are compared with. */
  median: number;
  /** Viewers whose distinct people were unusually many, most first. */
  unusual: { viewerUserId: string; people: number; views: number; median: number }[];
  /** Every export, in time order. */
  exports: { id: string; viewerUserId: string; kind: AccessKind; people: number; at: string }[];
  /** Every view outside working hours, in time order. */
  outOfHours: { id: string; viewerUserId: string; kind: AccessKind; people: number; at: string }[];
}

/**
 * The month's review: totals by kind, viewers far above the others (distinct people seen > 3× the median
 * viewer's and ≥ 50), every export and every view outside working hours (tenant's time zone). Only events of
 * `month` count; instants are kept as ISO strings, as the review is stored and mailed.
 */
export function reviewAccessMonth(
  events: readonly AccessEvent[],
  month: AccessMonth,
  timeZone: string,
): AccessReviewSummary {
  const inMonth = events
    .filter((event) => event.at >= month.start && event.at < month.end)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const byKind = new Map<AccessKind, { views: number; people: number }>();
  const viewers = new Map<string, { people: Set<string>; views: number }>();
  for (const event of inMonth) {
    const kind = byKind.get(event.kind) ?? { views: 0, people: 0 };
    kind.views += 1;
    kind.people += event.subjectCount;
    byKind.set(event.kind, kind);
    const viewer = viewers.get(event.viewerUserId) ?? { people: new Set<string>(), views: 0 };
    viewer.views += 1;
    for (const id of event.subjectStaffIds) viewer.people.add(id);
    viewers.set(event.viewerUserId, viewer);
  }
  const middle = median([...viewers.values()].map((viewer) => viewer.people.size));
  const unusual = [...viewers.entries()]
    .map(([viewerUserId, viewer]) => ({
      viewerUserId,
      people: viewer.people.size,
      views: viewer.views,
      median: middle,
    }))
    .filter((viewer) => viewer.people >= UNUSUAL_MIN_PEOPLE && viewer.people > UNUSUAL_VOLUME_FACTOR * middle)
    .sort((a, b) => b.people - a.people || a.viewerUserId.localeCompare(b.viewerUserId));
  const listed = (event: AccessEvent) => ({
    id: event.id,
    viewerUserId: event.viewerUserId,
    kind: event.kind,
    people: event.subjectCount,
    at: event.at.toISOString(),
  });
  return {
    month: month.month,
    views: inMonth.length,
    median: middle,
    byKind: accessKinds.flatMap((kind) => {
      const totals = byKind.get(kind);
      return totals ? [{ kind, ...totals }] : [];
    }),
    unusual,
    exports: inMonth.filter((event) => exportAccessKinds.includes(event.kind)).map(listed),
    outOfHours: inMonth.filter((event) => isOutsideWorkingHours(event.at, timeZone)).map(listed),
  };
}
