export type { PersonalDataDocument } from "@mentoring/reports";
export { personalDataDocument, personalDataPdf } from "../records/personal-data-document";
export {
  type ColumnDecision,
  type ExclusionReason,
  type PersonKey,
  personalDataColumns,
} from "../records/personal-data-tables";
export { type ExportRow, exportMyData, type PersonalDataExport } from "./export-my-data";
export { getConsentWithdrawal } from "./get-consent-withdrawal";
export { getMyData, type MyData } from "./get-my-data";
export { type CorrectionRequestRow, listCorrectionRequests } from "./list-correction-requests";
export { requestCorrection } from "./request-correction";
export { resolveCorrectionRequest } from "./resolve-correction-request";
export { type ConsentWithdrawal, withdrawConsent } from "./withdraw-consent";
