import { z } from "zod";
import { addDays, type CalendarDate, calendarDateSchema } from "./calendar-date";
import { closesBeforeOpens } from "./date-window";
import type { ProgramKind } from "./program-template";

/** A cohort's dates in the order the phases run. */
export const scheduleFields = [
  "recruitmentStart",
  "recruitmentEnd",
  "orientation",
  "matching",
  "ceremony",
  "activitiesStart",
  "activitiesEnd",
  "evaluationStart",
  "evaluationEnd",
  "close",
] as const;
export type ScheduleField = (typeof scheduleFields)[number];

/** The phases a junior board does not go through (cohortPathOf): orientation, matching, the pairing ceremony. */
const skippedByBoards: ReadonlySet<ScheduleField> = new Set(["orientation", "matching", "ceremony"]);

/** The dates a cohort of this kind is planned by, in the order the phases run. */
export function plannedFields(kind: ProgramKind): readonly ScheduleField[] {
  return kind === "board" ? scheduleFields.filter((field) => !skippedByBoards.has(field)) : scheduleFields;
}

/**
 * A schedule (dates, or a template's day offsets) as planned by plannedFields(kind), whole: the phases a
 * board skips are put on the last day of recruitment, where they take no days and hold no phase back.
 * Every cohort stores every date.
 */
export function withSkippedPhases<T>(
  kind: ProgramKind,
  planned: Partial<Record<ScheduleField, T>>,
): Partial<Record<ScheduleField, T>> {
  if (kind !== "board") return planned;
  const end = planned.recruitmentEnd;
  return { ...planned, orientation: end, matching: end, ceremony: end };
}

export type CohortSchedule = Record<ScheduleField, CalendarDate>;

/** Each pair: the field, and the field it must not come before. Same-day phases are fine. */
const mustNotPrecede: [ScheduleField, ScheduleField][] = [
  ["recruitmentEnd", "recruitmentStart"],
  ["orientation", "recruitmentEnd"],
  ["matching", "orientation"],
  ["ceremony", "matching"],
  ["activitiesStart", "matching"],
  ["activitiesEnd", "activitiesStart"],
  ["evaluationStart", "activitiesStart"],
  ["evaluationEnd", "evaluationStart"],
  ["close", "evaluationEnd"],
  ["close", "activitiesEnd"],
];

export interface ScheduleProblem {
  field: ScheduleField;
  /** The field it comes before, though it must not. */
  before: ScheduleField;
}

/** Every date that comes before a phase it must follow; empty when the schedule is in order. */
export function scheduleProblems(schedule: CohortSchedule): ScheduleProblem[] {
  return mustNotPrecede
    .filter(([field, previous]) => closesBeforeOpens({ opens: schedule[previous], closes: schedule[field] }))
    .map(([field, before]) => ({ field, before }));
}

export const cohortScheduleSchema = z
  .object(
    Object.fromEntries(scheduleFields.map((field) => [field, calendarDateSchema])) as Record<
      ScheduleField,
      typeof calendarDateSchema
    >,
  )
  .superRefine((schedule, context) => {
    for (const problem of scheduleProblems(schedule as CohortSchedule)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: [problem.field],
        message: `must not be before ${problem.before}`,
        params: { code: "date_before", before: problem.before },
      });
    }
  });

/** Day offsets from the first day of recruitment (day 0), as a template stores them. */
export type ScheduleOffsets = Record<Exclude<ScheduleField, "recruitmentStart">, number>;

export function scheduleFromOffsets(
  recruitmentStart: CalendarDate,
  offsets: ScheduleOffsets,
): CohortSchedule {
  const schedule = { recruitmentStart } as CohortSchedule;
  for (const field of scheduleFields) {
    if (field !== "recruitmentStart") schedule[field] = addDays(recruitmentStart, offsets[field]);
  }
  return schedule;
}
