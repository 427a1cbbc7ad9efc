import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import { templateDefinitionSchema } from "./program-template";
import { SILENT_DAYS_AT_RISK } from "./team-progress";
import { notificationSettingsOf } from "./template-notifications";

describe("a template's notification settings", () => {
  it("default to three days before a due date and the at-risk silence in a definition stored without them", () => {
    const { notifications: _, ...stored } = builtinTemplate("new_official_mentoring");
    const parsed = templateDefinitionSchema.parse(stored);
    expect(parsed.notifications).toEqual({ assignmentReminderDays: 3, silentTeamDays: SILENT_DAYS_AT_RISK });
    expect(notificationSettingsOf(stored)).toEqual(parsed.notifications);
  });

  it("keep what the template says", () => {
    const definition = {
      ...builtinTemplate("reverse_mentoring"),
      notifications: { assignmentReminderDays: 5, silentTeamDays: 14 },
    };
    expect(templateDefinitionSchema.parse(definition).notifications).toEqual({
      assignmentReminderDays: 5,
      silentTeamDays: 14,
    });
    expect(notificationSettingsOf(definition)).toEqual({ assignmentReminderDays: 5, silentTeamDays: 14 });
  });

  it("refuse a reminder beyond two weeks or a nudge before a week of silence", () => {
    const definition = (notifications: unknown) => ({
      ...builtinTemplate("reverse_mentoring"),
      notifications,
    });
    const issues = (notifications: unknown) =>
      templateDefinitionSchema
        .safeParse(definition(notifications))
        .error?.issues.map((issue) => issue.path.join("."));
    expect(issues({ assignmentReminderDays: 15 })).toEqual(["notifications.assignmentReminderDays"]);
    expect(issues({ assignmentReminderDays: 0 })).toEqual(["notifications.assignmentReminderDays"]);
    expect(issues({ silentTeamDays: 6 })).toEqual(["notifications.silentTeamDays"]);
    expect(issues({ assignmentReminderDays: 2.5 })).toEqual(["notifications.assignmentReminderDays"]);
  });

  it("read from a stored definition whose section is missing or unreadable as the defaults, for the jobs", () => {
    const defaults = { assignmentReminderDays: 3, silentTeamDays: 21 };
    expect(notificationSettingsOf(null)).toEqual(defaults);
    expect(notificationSettingsOf({ notifications: { assignmentReminderDays: "soon" } })).toEqual(defaults);
    expect(notificationSettingsOf({ notifications: { silentTeamDays: 30 } })).toEqual({
      assignmentReminderDays: 3,
      silentTeamDays: 30,
    });
  });
});
