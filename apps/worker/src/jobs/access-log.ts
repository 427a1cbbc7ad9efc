import { config } from "@mentoring/config";
import { purgeAccessLogs, sendAccessReviews } from "@mentoring/tenants";
import type { JobHandler } from "./handler";

/**
 * The access log's daily purge: rows older than two years go, in every tenant. The clock is a parameter
 * so that a test decides what day it is.
 */
export function purgeAccessLogsAt(clock: () => Date): JobHandler<"privacy.purge-access-logs"> {
  return async (_payload, { db, log }) => {
    const run = await purgeAccessLogs(db, { now: clock() });
    if (run.purged > 0) log.info(run, "access log rows past two years purged");
    return run;
  };
}

/**
 * The monthly review (the 1st, 09:00 in Korea) of each tenant's access log of the month before, mailed to
 * its privacy officers. Idempotent per tenant and month.
 */
export function reviewAccessLogsAt(clock: () => Date): JobHandler<"privacy.access-review"> {
  return async (_payload, { db, log }) => {
    const run = await sendAccessReviews(db, { now: clock(), appUrl: config().APP_URL });
    if (run.reviews > 0) log.info(run, "access log reviews sent");
    return run;
  };
}

export const purgeAccessLogsJob = purgeAccessLogsAt(() => new Date());
export const reviewAccessLogsJob = reviewAccessLogsAt(() => new Date());
