import { config } from "@mentoring/config";
import { advanceCohortsByDate } from "@mentoring/programs";
import type { JobHandler } from "./handler";

/**
 * The daily run that moves cohorts whose next phase date has arrived (packages/programs,
 * advanceCohortsByDate), tenant by tenant on each tenant's calendar, reporting progress per tenant.
 * Idempotent: a second run the same day finds every schedule already checked. A cohort that could not be
 * moved does not hold up the others; the job then fails after the whole run, so that a retry takes up
 * just the cohorts left behind.
 */
export function advanceCohortsAt(clock: () => Date): JobHandler<"cohorts.advance-by-date"> {
  return async (_payload, { db, log, progress, signal }) => {
    const summary = await advanceCohortsByDate(db, {
      now: clock(),
      appUrl: config().APP_URL,
      log,
      signal,
      onTenantDone: (done, total) => progress(Math.round((done / total) * 100)),
    });
    const result = {
      tenants: summary.tenants,
      cohorts: summary.cohorts,
      moved: summary.moved.length,
      failed: summary.failures.length,
    };
    if (summary.moved.length > 0) log.info(result, "cohorts moved by date");
    if (summary.failures.length > 0) {
      throw new Error(`${summary.failures.length} cohort or tenant schedules could not be advanced`);
    }
    return result;
  };
}

export const advanceCohorts = advanceCohortsAt(() => new Date());
