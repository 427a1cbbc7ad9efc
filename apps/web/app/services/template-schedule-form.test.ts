import { parseWithZod } from "@conform-to/zod";
import {
  AppError,
  builtinTemplate,
  monthsBeyondActivities,
  templateDefinitionSchema,
} from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { templateScheduleFieldName } from "../presenters/template-schedule.server";
import { i18n } from "./i18n.server";
import { translateRefusal } from "./route-builder.server";
import { withFormPaths } from "./template-form";
import { definitionFromScheduleForm, scheduleForm, scheduleFormValues } from "./template-schedule-form";

let ko: TFunction;
let en: TFunction;

beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

/** Values as the browser posts them: conform's names ("calendar[0].on.week"), empty fields left out. */
function formFields(value: unknown, prefix: string): Record<string, string> {
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((item, index) => formFields(item, `${prefix}[${index}]`)));
  if (typeof value === "object" && value !== null)
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, inner]) => formFields(inner, prefix ? `${prefix}.${key}` : key)),
    );
  return value === "" || value === undefined ? {} : { [prefix]: String(value) };
}

/** Gangneung's template's page as posted, with fields changed (null: left out, as an emptied field). */
function posted(
  fields: Record<string, string | null> = {},
  definition = builtinTemplate("reverse_mentoring"),
) {
  const data = new FormData();
  for (const [name, value] of Object.entries({
    ...formFields(scheduleFormValues(definition), ""),
    ...fields,
  })) {
    if (value !== null) data.append(name, value);
  }
  const submission = parseWithZod(data, { schema: scheduleForm });
  if (submission.status !== "success") throw new Error("the schedule form refused a post");
  return definitionFromScheduleForm(submission.value, definition);
}

describe("the calendar and assignments form", () => {
  it("reads back the definition it was filled from, items by date and by weekday alike", () => {
    expect(templateDefinitionSchema.parse(posted())).toEqual(builtinTemplate("reverse_mentoring"));
    const byDate = templateDefinitionSchema.parse(
      posted({ "calendar[0].onKind": "day", "calendar[0].on.day": "10" }),
    );
    expect(byDate.calendar[0]?.on).toEqual({ day: 10 });
    expect(templateDefinitionSchema.parse(posted({}, byDate))).toEqual(byDate);
  });

  it("opens with the notification settings of today when the template sets none", () => {
    const values = scheduleFormValues(builtinTemplate("reverse_mentoring"));
    expect(values.notifications).toEqual({ assignmentReminderDays: "3", silentTeamDays: "21" });
    expect(values.assignments?.[0]).toMatchObject({ month: "1", dueDay: "25" });
    expect(values.calendar?.[0]).toMatchObject({
      onKind: "weekday",
      on: { day: "", week: "2", weekday: "3" },
    });
  });

  it("keeps only the day shape the item's choice names", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({ "calendar[0].onKind": "day", "calendar[0].on.day": "10", "calendar[1].on.day": "3" }),
    );
    expect(parsed.calendar[0]?.on).toEqual({ day: 10 });
    // The second item stays on its weekday: a stray day field is not its day.
    expect(parsed.calendar[1]?.on).toEqual(builtinTemplate("reverse_mentoring").calendar[1]?.on);
  });

  it("adds an assignment and sets the days of the reminders and the nudge", () => {
    const parsed = templateDefinitionSchema.parse(
      posted({
        "assignments[7].title.ko": "추가 과제",
        "assignments[7].month": "7",
        "assignments[7].dueDay": "10",
        "notifications.assignmentReminderDays": "5",
        "notifications.silentTeamDays": "14",
      }),
    );
    expect(parsed.assignments.at(-1)).toEqual({ title: { ko: "추가 과제" }, month: 7, dueDay: 10 });
    expect(parsed.notifications).toEqual({ assignmentReminderDays: 5, silentTeamDays: 14 });
  });

  it("refuses an emptied setting, a due day past the 28th and a reminder beyond two weeks, each at its field", () => {
    const result = templateDefinitionSchema.safeParse(
      posted({
        "notifications.silentTeamDays": null,
        "notifications.assignmentReminderDays": "15",
        "assignments[0].dueDay": "31",
      }),
    );
    const { formErrors: _, fieldErrors } = translateRefusal(
      withFormPaths(AppError.invalid(result.error as never)),
      ko,
      templateScheduleFieldName,
    );
    expect(fieldErrors).toEqual({
      "assignments[0].dueDay": ["과제 1 마감일: 28 이하여야 합니다"],
      "notifications.assignmentReminderDays": ["과제 마감 알림 (마감일 며칠 전부터): 14 이하여야 합니다"],
      "notifications.silentTeamDays": ["활동이 없는 팀 알림 (며칠째부터): 입력하세요"],
    });
  });

  it("refuses a month after the activities end at that item's month, saying how many months there are", () => {
    const definition = templateDefinitionSchema.parse(
      posted({ "assignments[0].month": "13", "calendar[2].month": "9" }),
    );
    const refusal = new AppError("input.invalid", {}, { fields: monthsBeyondActivities(definition) });
    const { fieldErrors } = translateRefusal(withFormPaths(refusal), en, templateScheduleFieldName);
    expect(fieldErrors).toEqual({
      "assignments[0].month": [
        "Assignment 1: activity month: this template's activities run to month 8. Choose 8 or less.",
      ],
      "calendar[2].month": [
        "Calendar item 3: activity month: this template's activities run to month 8. Choose 8 or less.",
      ],
    });
  });
});
