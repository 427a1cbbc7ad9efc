export * from "./publications";
export { type CohortInsight, cohortInsightOf } from "./records/cohort-figures";
export { INSIGHT_COHORT_STATUSES, type InsightTenant, writeTenantInsights } from "./records/tenant-insights";
