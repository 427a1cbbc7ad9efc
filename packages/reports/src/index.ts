export { buildCohortReportXlsx } from "./build-cohort-report-xlsx";
export {
  type CohortReportData,
  cohortReportDataHash,
  type ReportAward,
  type ReportDimension,
  type ReportParticipation,
  type ReportParticipationFigures,
  type ReportRank,
  type ReportSatisfaction,
  type ReportTeam,
  type ReportTimelineItem,
} from "./cohort-report-data";
export { renderCohortReportPdf } from "./render-cohort-report-pdf";
export { type PersonalDataDocument, renderPersonalDataPdf } from "./render-personal-data-pdf";
export { percentOf, type ReportLocale, roundFigure } from "./report-words";
