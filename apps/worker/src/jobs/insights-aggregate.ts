import { aggregateInsights } from "@mentoring/insights";
import type { JobHandler } from "./handler";

/**
 * The nightly national insights (packages/insights, aggregateInsights): a new publication of every
 * opted-in organisation's suppressed cohort figures, progress on the publication and the job after each
 * organisation. Idempotent: run again the same night, the new publication replaces the first once it is
 * whole; a failed run is marked failed and analysts keep the previous one. A shutdown stops it between
 * organisations, for the retry.
 */
export function aggregateInsightsAt(clock: () => Date): JobHandler<"insights.aggregate"> {
  return async (_payload, { db, log, progress, signal }) => {
    const result = await aggregateInsights(db, { now: clock() }, { onProgress: progress, signal });
    log.info(result, "insights published");
    return result;
  };
}

export const aggregateInsightsJob = aggregateInsightsAt(() => new Date());
