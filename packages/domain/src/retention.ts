import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { addDays, type CalendarDate, calendarDateIn, startOfDayIn } from "./calendar-date";

/*
 * How long each kind of personal data is kept (개인정보 보유기간), and when it is due for destruction or
 * pseudonymisation (개인정보 보호법 제21조: destroyed without delay once the period ends, 제28조의2:
 * pseudonymised for statistics). The periods come from the consent text ("kept while the cohort runs, then
 * only as long as the law on public records asks") and from the tenant's settings, within the bounds here.
 * docs/compliance/retention.md has the decision for every table.
 */

/** Every kind of personal data with a retention period of its own. */
export const retentionKinds = [
  /** Applications never accepted (rejected, withdrawn, waitlisted to the end): from recruitment's close. */
  "unselected_applications",
  /** Survey answers and diagnostics: pseudonymised for statistics after the cohort closes. */
  "survey_answers",
  /**
   * What a cohort's people did: accepted applications, team membership, activity and meeting records with
   * their participants, submissions, uploaded files, attendance, sign-ups, evaluation comments, the names
   * in certificates, the final report's files, the matching input: from the cohort's close.
   */
  "program_records",
  /** Notices to a person (in the app, and the row that says a mail was sent): from when they were made. */
  "notifications",
  /** Staff directory entries marked inactive, once nothing kept refers to them: from the last change. */
  "inactive_staff",
  /** Uploaded directory files and their read rows (a whole directory each): from the upload. */
  "directory_imports",
] as const;
export type RetentionKind = (typeof retentionKinds)[number];

/** What happens to a kind's rows when they are due. */
export type RetentionAction = "delete" | "pseudonymise";

/** What starts a kind's period. */
export type RetentionStart =
  | "recruitment_closed"
  | "cohort_closed"
  | "created"
  | "marked_inactive"
  | "uploaded";

export interface RetentionRule {
  kind: RetentionKind;
  start: RetentionStart;
  action: RetentionAction;
  /** The period when the tenant has not chosen one, in months. */
  defaultMonths: number;
  /** The shortest and longest period a tenant may choose, in months. */
  minMonths: number;
  maxMonths: number;
}

/**
 * The rules. Minimums keep what the program still needs (a waitlist can be served for a month after
 * recruitment; a cohort's report, awards and appeals take a year after it closes); maximums are the
 * longest the purposes of the consent justify (10 years for program records: the longest retention class
 * of 「공공기록물 관리에 관한 법률」 시행령 별표1 a program's files could fall under without being permanent).
 */
export const retentionRules: { readonly [K in RetentionKind]: RetentionRule & { kind: K } } = {
  unselected_applications: {
    kind: "unselected_applications",
    start: "recruitment_closed",
    action: "delete",
    defaultMonths: 6,
    minMonths: 1,
    maxMonths: 12,
  },
  survey_answers: {
    kind: "survey_answers",
    start: "cohort_closed",
    action: "pseudonymise",
    defaultMonths: 36,
    minMonths: 12,
    maxMonths: 60,
  },
  program_records: {
    kind: "program_records",
    start: "cohort_closed",
    action: "delete",
    defaultMonths: 36,
    minMonths: 12,
    maxMonths: 120,
  },
  notifications: {
    kind: "notifications",
    start: "created",
    action: "delete",
    defaultMonths: 12,
    minMonths: 1,
    maxMonths: 36,
  },
  inactive_staff: {
    kind: "inactive_staff",
    start: "marked_inactive",
    action: "delete",
    defaultMonths: 12,
    minMonths: 1,
    maxMonths: 60,
  },
  directory_imports: {
    kind: "directory_imports",
    start: "uploaded",
    action: "delete",
    defaultMonths: 3,
    minMonths: 1,
    maxMonths: 12,
  },
};

/** A tenant's periods, one per kind, in months. */
export type RetentionPeriods = { [K in RetentionKind]: number };

/** The defaults, for a tenant that chose nothing. */
export const defaultRetentionPeriods: RetentionPeriods = Object.fromEntries(
  retentionKinds.map((kind) => [kind, retentionRules[kind].defaultMonths]),
) as RetentionPeriods;

/**
 * The periods a tenant's stored settings (the JSON on its row) give: each kind it chose within the bounds,
 * the default for any other (missing, not a whole number, out of bounds: a stored value the form would
 * refuse is never trusted to shorten or lengthen a period).
 */
export function retentionPeriodsOf(stored: unknown): RetentionPeriods {
  const chosen = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const periods = { ...defaultRetentionPeriods };
  for (const kind of retentionKinds) {
    const value = chosen[kind];
    const rule = retentionRules[kind];
    if (
      typeof value === "number" &&
      Number.isInteger(value) &&
      value >= rule.minMonths &&
      value <= rule.maxMonths
    )
      periods[kind] = value;
  }
  return periods;
}

/**
 * The settings form's schema: a whole number of months per kind, within its bounds. Its refusals are the
 * form's usual ones (too small, too big, not whole), worded with the bound by the route's error map.
 */
export const retentionPeriodsSchema = z.object(
  Object.fromEntries(
    retentionKinds.map((kind) => {
      const rule = retentionRules[kind];
      return [kind, z.number().int().min(rule.minMonths).max(rule.maxMonths)];
    }),
  ) as { [K in RetentionKind]: z.ZodNumber },
);

/** `date` plus whole months; the 31st becomes the month's last day where the month is shorter. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return Temporal.PlainDate.from(date).add({ months }).toString() as CalendarDate;
}

/**
 * Whether something whose period started on `start` is due on `today`: it is kept through the day its
 * period ends (`start` plus the months) and due from the day after.
 */
export function isDue(start: CalendarDate, months: number, today: CalendarDate): boolean {
  return addMonths(start, months) < today;
}

/**
 * The last start date that is due on `today`: everything that started on or before it is due, nothing
 * after. (Adding months is not invertible at month ends, so it is found from the nearest guess.)
 */
export function lastDueStart(months: number, today: CalendarDate): CalendarDate {
  let candidate = addMonths(today, -months);
  while (!isDue(candidate, months, today)) candidate = addDays(candidate, -1);
  while (isDue(addDays(candidate, 1), months, today)) candidate = addDays(candidate, 1);
  return candidate;
}

/** What the purge compares with, for one tenant at one moment. */
export interface RetentionCutoffs {
  /** The tenant's calendar day at the moment. */
  today: CalendarDate;
  /** Per kind: rows whose start day is on or before it are due. */
  lastDueStart: { [K in RetentionKind]: CalendarDate };
  /** Per kind: the same as an instant, for starts recorded as moments (due when strictly before it). */
  dueBefore: { [K in RetentionKind]: Date };
}

/** The cutoffs of every kind for a tenant whose periods are `periods`, at `now` in its time zone. */
export function retentionCutoffs(periods: RetentionPeriods, now: Date, timeZone: string): RetentionCutoffs {
  const today = calendarDateIn(now, timeZone);
  const lastDue = {} as Record<RetentionKind, CalendarDate>;
  const dueBefore = {} as Record<RetentionKind, Date>;
  for (const kind of retentionKinds) {
    const last = lastDueStart(periods[kind], today);
    lastDue[kind] = last;
    dueBefore[kind] = startOfDayIn(addDays(last, 1), timeZone);
  }
  return { today, lastDueStart: lastDue, dueBefore };
}
