export * from "./activities";
export * from "./assignments";
export * from "./attendance";
export * from "./awards";
export * from "./board";
export * from "./calendar";
export * from "./certificates";
export * from "./cohorts";
export * from "./evaluations";
export * from "./events";
export * from "./feeds";
export * from "./files";
export * from "./matching";
export * from "./my-data";
export * from "./notifications";
export * from "./outcomes";
export * from "./progress";
export {
  type CohortRecord,
  dateColumn,
  dayOf,
  loadCohort,
  scheduleColumns,
  scheduleOf,
  tenantToday,
} from "./records/cohort-record";
export { forEachTenant, TENANTS_AT_ONCE } from "./records/each-tenant";
export * from "./recruitment";
export * from "./reports";
export * from "./retention";
export * from "./surveys";
export * from "./templates";
