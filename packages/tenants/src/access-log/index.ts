export { listAccessReviews } from "./list-access-reviews";
export { purgeAccessLogs } from "./purge-access-logs";
export { type AccessSubjects, type AccessView, type AccessViewer, recordAccess } from "./record-access";
export {
  ACCESS_LOG_EXPORT_LIMIT,
  ACCESS_LOG_PAGE_SIZE,
  type AccessLogRow,
  type AccessLogSearch,
  accessLogSearchQuery,
  searchAccessLog,
} from "./search-access-log";
export { type AccessReviewRun, sendAccessReviews } from "./send-access-reviews";
