import type { Database } from "@mentoring/db";
import type { JobName, JobPayload } from "@mentoring/jobs";
import type { Logger } from "../logger";
import { failUnfinishedCertificateBatch } from "./certificates-generate";
import { failUnfinishedCohortReport } from "./cohort-report";
import { failUnfinishedImport } from "./directory-final-failure";
import { failUnfinishedMatchingRun } from "./matching-run";

/**
 * What a job kind does when its job fails for good (retries spent, its worker died too often): the row
 * that shows the work as under way is marked failed, so the page says so and offers to start again,
 * instead of showing "running" forever.
 */
export type FinalFailureHandler<N extends JobName> = (
  payload: JobPayload<N>,
  context: { db: Database; log: Logger },
  reason: string,
) => Promise<void>;

export type FinalFailureHandlers = { [N in JobName]?: FinalFailureHandler<N> };

export const finalFailureHandlers: FinalFailureHandlers = {
  "matching.run": failUnfinishedMatchingRun,
  "certificates.generate": failUnfinishedCertificateBatch,
  "reports.cohort-report": failUnfinishedCohortReport,
  "directory.apply": failUnfinishedImport("applying"),
  "directory.validate": failUnfinishedImport("validating"),
};
