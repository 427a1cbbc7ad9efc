export { type ApplyOutcome, applyImport, markImportFailed } from "./apply-import";
export { type ApplyRefusal, applyRefusal, isValidated } from "./apply-refusal";
export {
  type DirectoryField,
  directoryFields,
  type FileError,
  fieldOfHeader,
  headerKey,
  mapColumns,
  requiredFields,
} from "./columns";
export { countActiveStaff } from "./count-active-staff";
export { DepartmentIndex, type DepartmentMatch, departmentToCreate } from "./departments";
export {
  IDEMPOTENCY_WINDOW_MS,
  importRequestFingerprint,
  isValidIdempotencyKey,
} from "./idempotency";
export {
  type CreatedDirectoryImport,
  createDirectoryImport,
  MAX_UPLOAD_BYTES,
  type NewDirectoryImport,
} from "./imports/create-directory-import";
export {
  type DirectoryImportDetail,
  getDirectoryImport,
  INVALID_ROWS_SHOWN,
  type InvalidRow,
} from "./imports/get-directory-import";
export { getDirectoryImportLimits } from "./imports/get-directory-import-limits";
export { type DirectoryOverview, getDirectoryOverview } from "./imports/get-directory-overview";
export { type ApplyRequest, requestDirectoryImportApply } from "./imports/request-directory-import-apply";
export { retryDirectoryImport } from "./imports/retry-directory-import";
export { type ComparedField, type CurrentStaff, comparedFields, planRow, type RowPlan } from "./plan";
export {
  type CellValue,
  type DirectoryFile,
  detectEncoding,
  detectFormat,
  type FileFormat,
  type FileInput,
  FileProblem,
  type ReadLimits,
  readDirectoryFile,
  type SourceRecord,
  type TextEncoding,
} from "./read-file";
export {
  type AppliedCounts,
  type ImportCounts,
  type ImportRowData,
  type ImportStatus,
  type ImportSummary,
  importStatuses,
  importSummaryOf,
} from "./summary";
export { uploadKey } from "./upload-key";
export {
  ImportNotFoundError,
  type ImportRef,
  UploadMissingError,
  type ValidateOutcome,
  validateImport,
} from "./validate-import";
export {
  type DirectoryEntry,
  parseDateCell,
  type RowErrorCode,
  type RowProblem,
  validateRecord,
} from "./validate-row";
