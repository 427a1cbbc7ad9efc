import { config } from "@mentoring/config";
import { sendSurveyReminders as remindEveryTenant } from "@mentoring/programs";
import type { JobHandler } from "./handler";

/**
 * The daily surveys run (09:00 in Korea): in every tenant in use, closes rounds whose last day has passed
 * and reminds those who have not submitted an open round, at most every three days. Idempotent: a second
 * run on the same day closes nothing more and mails no one again. The clock is a parameter so that a test
 * decides which day it is, whatever the time it runs at.
 */
export function sendSurveyRemindersAt(clock: () => Date): JobHandler<"surveys.send-reminders"> {
  return async (_payload, { db, log }) => {
    const run = await remindEveryTenant(db, { now: clock(), appUrl: config().APP_URL });
    if (run.closed > 0 || run.reminded > 0) log.info(run, "survey rounds closed and participants reminded");
    return run;
  };
}

export const sendSurveyReminders = sendSurveyRemindersAt(() => new Date());
