import { templateActivityMonths } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import type { TemplateRecord } from "@mentoring/programs";
import type { TFunction } from "i18next";
import type { FieldNamer } from "../services/route-builder.server";
import { scheduleFormValues } from "../services/template-schedule-form";

/**
 * A template's calendar and assignments page: its assignments, calendar items and notification settings
 * as the form's values, and how many activity months its phases give (the highest month an item may take).
 */
export function presentTemplateSchedule(template: TemplateRecord) {
  const { definition } = template;
  return {
    template: {
      id: template.id,
      name: template.name,
      currentVersion: template.currentVersion,
      currentVersionInUse: template.currentVersionInUse,
    },
    values: scheduleFormValues(definition),
    activityMonths: templateActivityMonths(definition.phases),
  };
}

const assignmentFields: Record<string, MessageKeyUnder<"templateDesign.schedule.assignments.field">> = {
  "": "item",
  title: "titleKo",
  "title.ko": "titleKo",
  "title.en": "titleEn",
  description: "descriptionKo",
  "description.ko": "descriptionKo",
  "description.en": "descriptionEn",
  month: "month",
  dueDay: "dueDay",
};

const calendarFields: Record<string, MessageKeyUnder<"templateDesign.schedule.calendar.field">> = {
  "": "item",
  kind: "kind",
  title: "titleKo",
  "title.ko": "titleKo",
  "title.en": "titleEn",
  description: "descriptionKo",
  "description.ko": "descriptionKo",
  "description.en": "descriptionEn",
  place: "place",
  month: "month",
  onKind: "onKind",
  on: "onKind",
  "on.day": "day",
  "on.week": "week",
  "on.weekday": "weekday",
  repeat: "repeat",
  startTime: "startTime",
  endTime: "endTime",
  days: "days",
  audience: "audience",
  attendance: "attendance",
};

/** The label of the page's field at exactly `path` (dotted), or null when no field has that name. */
function labelOf(path: string, t: TFunction): string | null {
  if (path === "assignments") return t("templateDesign.schedule.assignments.legend");
  if (path === "calendar") return t("templateDesign.schedule.calendar.legend");
  if (path === "notifications.assignmentReminderDays")
    return t("templateDesign.schedule.notifications.assignmentReminderDays");
  if (path === "notifications.silentTeamDays")
    return t("templateDesign.schedule.notifications.silentTeamDays");
  const assignment = /^assignments\.(\d+)(?:\.(.+))?$/.exec(path);
  if (assignment) {
    const label = assignmentFields[assignment[2] ?? ""];
    const number = Number(assignment[1]) + 1;
    return label ? t(`templateDesign.schedule.assignments.field.${label}`, { number }) : null;
  }
  const item = /^calendar\.(\d+)(?:\.(.+))?$/.exec(path);
  if (item) {
    const label = calendarFields[item[2] ?? ""];
    const number = Number(item[1]) + 1;
    return label ? t(`templateDesign.schedule.calendar.field.${label}`, { number }) : null;
  }
  return null;
}

/**
 * What a message calls the field at `path` (a definition's path, or the form's name "calendar[0].on.day"):
 * the label of that field or of the nearest one above it; parts of the definition this page does not edit
 * are named by the settings page's heading.
 */
export const templateScheduleFieldName: FieldNamer = (path, t) => {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const parts = dotted === "" ? [] : dotted.split(".");
  for (let length = parts.length; length > 0; length--) {
    const label = labelOf(parts.slice(0, length).join("."), t);
    if (label !== null) return label;
  }
  return t("programs.templateNav.settings");
};
