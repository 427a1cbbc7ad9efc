import { config } from "@mentoring/config";
import { remindAssignments as remindEveryTenant } from "@mentoring/programs";
import type { JobHandler } from "./handler";

/**
 * The daily assignment reminder (09:00 in Korea): a team that has not handed in an assignment is told three
 * days before it is due, and once it is late; once per person, assignment and kind. The clock is a
 * parameter so that a test decides which day it is.
 */
export function remindAssignmentsAt(clock: () => Date): JobHandler<"assignments.remind-due"> {
  return async (_payload, { db, log }) => {
    const run = await remindEveryTenant(db, { now: clock(), appUrl: config().APP_URL });
    if (run.notified > 0) log.info(run, "teams reminded of their assignments");
    return run;
  };
}

export const remindAssignments = remindAssignmentsAt(() => new Date());
