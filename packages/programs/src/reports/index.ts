export { generateCohortReport } from "./generate-cohort-report";
export { type CohortReportRunView, getCohortReport } from "./get-cohort-report";
export { getCohortReportData } from "./get-cohort-report-data";
export { getCohortReportFile } from "./get-cohort-report-file";
export { type CohortReportRequest, requestCohortReport } from "./request-cohort-report";
