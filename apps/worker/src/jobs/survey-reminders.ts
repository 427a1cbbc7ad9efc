import { config } from "@mentoring/config";
import { sendSurveyReminders as remindEveryTenant } from "@mentoring/programs";
import type { JobHandler } from "./handler";

/**
 * The daily surveys run (09:00 in Korea): in every tenant in use, closes rounds whose last day has passed
 * and reminds those who have not submitted an open round, at most every three days. Idempotent: a second
 * run on the same day closes nothing more and mails no one again.
 */
export const sendSurveyReminders: JobHandler<"surveys.send-reminders"> = async (_payload, { db, log }) => {
  const run = await remindEveryTenant(db, { now: new Date(), appUrl: config().APP_URL });
  if (run.closed > 0 || run.reminded > 0) log.info(run, "survey rounds closed and participants reminded");
  return run;
};
