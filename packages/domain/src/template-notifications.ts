import { z } from "zod";
import { SILENT_DAYS_AT_RISK } from "./team-progress";

/** Reminded of an assignment this many days before its due date, unless the template says otherwise. */
export const DEFAULT_ASSIGNMENT_REMINDER_DAYS = 3;

/** The shortest silence a template may set before a team is nudged: the nudge job reads at least this far back. */
export const MIN_SILENT_TEAM_DAYS = 7;

/**
 * When a cohort's people are reminded and nudged, as its template says: the days before an assignment's
 * due date that a team without a submission is reminded, and the days a team may log nothing before it
 * is nudged (and flagged at risk). Definitions stored before the section existed take these defaults,
 * the values the jobs used before a template could set them.
 */
export const notificationSettingsSchema = z
  .object({
    assignmentReminderDays: z.number().int().min(1).max(14).default(DEFAULT_ASSIGNMENT_REMINDER_DAYS),
    silentTeamDays: z.number().int().min(MIN_SILENT_TEAM_DAYS).max(90).default(SILENT_DAYS_AT_RISK),
  })
  .strict();

export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** The widest reminder a template can ask for: how far ahead the daily reminder has to look. */
export const MAX_ASSIGNMENT_REMINDER_DAYS = 14;

const defaults: NotificationSettings = notificationSettingsSchema.parse({});

/**
 * The notification settings of a stored definition (a template version's JSON), read alone: the jobs
 * need these two numbers, not the whole definition parsed. A section missing, or one no schema of today
 * accepts, gives the defaults rather than stopping every cohort's reminders.
 */
export function notificationSettingsOf(definition: unknown): NotificationSettings {
  const section =
    typeof definition === "object" && definition !== null && "notifications" in definition
      ? definition.notifications
      : undefined;
  const parsed = notificationSettingsSchema.safeParse(section ?? {});
  return parsed.success ? parsed.data : defaults;
}
