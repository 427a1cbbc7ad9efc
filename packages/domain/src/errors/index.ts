export {
  AppError,
  type AppErrorCode,
  type AppErrorDetails,
  type AppErrorParams,
  appErrorCodes,
  appErrors,
  type FieldIssue,
  fieldIssueOf,
  isAppError,
} from "./app-error";
export type { ErrorDefinition } from "./error-table";
