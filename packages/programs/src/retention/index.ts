/*
 * Retention (issue 17, part 5): personal data deleted or pseudonymised once the period the organisation
 * chose for its kind has ended (the rules: @mentoring/domain retention.ts; what happens per table:
 * records/retention-steps.ts and docs/compliance/retention.md).
 */

export type { RetentionCounts, RetentionTable } from "../records/retention-steps";
export { getRetentionOverview, type RetentionOverview } from "./get-retention-overview";
export { type PurgeSummary, purgeDuePersonalData } from "./purge-due-personal-data";
export { type PurgeInput, type PurgeResult, purgePersonalData, RETENTION_BATCH } from "./purge-personal-data";
