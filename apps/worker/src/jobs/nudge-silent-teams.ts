import { config } from "@mentoring/config";
import { nudgeSilentTeams as nudgeEveryTenant } from "@mentoring/programs";
import type { JobHandler } from "./handler";

/**
 * The daily nudge (10:00 in Korea): teams silent for 21 days get a friendly mail, once per silent period.
 * Idempotent: a second run on the same day nudges no one again. The clock is a parameter so that a test
 * decides which day it is.
 */
export function nudgeSilentTeamsAt(clock: () => Date): JobHandler<"teams.nudge-silent"> {
  return async (_payload, { db, log }) => {
    const run = await nudgeEveryTenant(db, { now: clock(), appUrl: config().APP_URL });
    if (run.teams > 0) log.info(run, "silent teams nudged");
    return run;
  };
}

export const nudgeSilentTeams = nudgeSilentTeamsAt(() => new Date());
