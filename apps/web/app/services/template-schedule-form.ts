import type { CalendarEntry, TemplateDefinition } from "@mentoring/domain";
import { z } from "zod";
import {
  type LocalizedForm,
  localizedForm,
  localizedOf,
  localizedValues,
  numberOf,
  optionalLocalized,
  shown,
} from "./template-form";

/*
 * The form of a template's calendar and assignments page. As on the settings page (template-form.ts), its
 * field names are paths into the definition ("assignments[0].month" is "assignments.0.month"), values stay
 * text, and saveTemplate judges the definition they make, so a refusal comes back beside its field. A
 * calendar item's day is one of two shapes: a date of the month or the n-th weekday; `onKind` says which
 * one the item's fields hold, and only that one goes into the definition.
 */

const text = z.string().optional();

const assignmentForm = z.object({
  title: localizedForm,
  description: localizedForm,
  month: text,
  dueDay: text,
});

const calendarForm = z.object({
  kind: text,
  title: localizedForm,
  description: localizedForm,
  place: text,
  month: text,
  /** "day" (on.day) or "weekday" (on.week and on.weekday). */
  onKind: text,
  on: z.object({ day: text, week: text, weekday: text }),
  repeat: text,
  startTime: text,
  endTime: text,
  days: text,
  audience: text,
  /** A checkbox: "on" when ticked, absent otherwise. */
  attendance: z.literal("on").optional(),
});

export const scheduleForm = z.object({
  assignments: z.array(assignmentForm).optional(),
  calendar: z.array(calendarForm).optional(),
  notifications: z.object({ assignmentReminderDays: text, silentTeamDays: text }),
});

export type ScheduleForm = z.infer<typeof scheduleForm>;
type CalendarForm = z.infer<typeof calendarForm>;

export const dayKinds = ["day", "weekday"] as const;

function calendarValues(entry: CalendarEntry): CalendarForm {
  const byWeekday = "week" in entry.on;
  return {
    kind: entry.kind,
    title: localizedValues(entry.title),
    description: localizedValues(entry.description),
    place: entry.place,
    month: String(entry.month),
    onKind: byWeekday ? "weekday" : "day",
    on: {
      day: "day" in entry.on ? String(entry.on.day) : "",
      week: "week" in entry.on ? String(entry.on.week) : "",
      weekday: "weekday" in entry.on ? String(entry.on.weekday) : "",
    },
    repeat: entry.repeat,
    startTime: entry.startTime,
    endTime: entry.endTime,
    days: String(entry.days),
    audience: entry.audience,
    attendance: entry.attendance ? "on" : undefined,
  };
}

/** The form as it opens: the definition's assignments, calendar and notification settings. */
export function scheduleFormValues(definition: TemplateDefinition): ScheduleForm {
  return {
    assignments: definition.assignments.map((assignment) => ({
      title: localizedValues(assignment.title),
      description: localizedValues(assignment.description),
      month: String(assignment.month),
      dueDay: String(assignment.dueDay),
    })),
    calendar: definition.calendar.map(calendarValues),
    notifications: {
      assignmentReminderDays: shown(definition.notifications.assignmentReminderDays),
      silentTeamDays: shown(definition.notifications.silentTeamDays),
    },
  };
}

const withDescription = (value: LocalizedForm) => {
  const description = optionalLocalized(value);
  return description ? { description } : {};
};

function calendarOf(item: CalendarForm) {
  const on =
    item.onKind === "weekday"
      ? { week: numberOf(item.on.week), weekday: numberOf(item.on.weekday) }
      : { day: numberOf(item.on.day) };
  return {
    kind: item.kind ?? "",
    title: localizedOf(item.title),
    ...withDescription(item.description),
    place: item.place ?? "",
    month: numberOf(item.month),
    on,
    repeat: item.repeat ?? "",
    startTime: item.startTime ?? "",
    endTime: item.endTime ?? "",
    days: numberOf(item.days),
    audience: item.audience ?? "",
    attendance: item.attendance === "on",
  };
}

/**
 * The definition the form describes: its assignments, calendar and notification settings over the current
 * definition, whose other parts this page does not edit. Not validated here: saveTemplate validates it.
 */
export function definitionFromScheduleForm(form: ScheduleForm, current: TemplateDefinition): unknown {
  return {
    ...current,
    assignments: (form.assignments ?? []).map((assignment) => ({
      title: localizedOf(assignment.title),
      ...withDescription(assignment.description),
      month: numberOf(assignment.month),
      dueDay: numberOf(assignment.dueDay),
    })),
    calendar: (form.calendar ?? []).map(calendarOf),
    // Emptied, a setting is refused as missing rather than silently taking its default.
    notifications: {
      assignmentReminderDays: numberOf(form.notifications.assignmentReminderDays) ?? null,
      silentTeamDays: numberOf(form.notifications.silentTeamDays) ?? null,
    },
  };
}
