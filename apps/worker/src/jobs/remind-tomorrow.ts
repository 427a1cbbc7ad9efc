import { config } from "@mentoring/config";
import { remindTomorrow as remindEveryTenant } from "@mentoring/programs";
import type { JobHandler } from "./handler";

/**
 * The daily "tomorrow" reminder (09:30 in Korea): everyone a training, event or mentoring day of tomorrow
 * is for gets a mail, once per item. The clock is a parameter so that a test decides which day it is.
 */
export function remindTomorrowAt(clock: () => Date): JobHandler<"calendar.remind-tomorrow"> {
  return async (_payload, { db, log }) => {
    const run = await remindEveryTenant(db, { now: clock(), appUrl: config().APP_URL });
    if (run.items > 0) log.info(run, "tomorrow's calendar items announced");
    return run;
  };
}

export const remindTomorrow = remindTomorrowAt(() => new Date());
