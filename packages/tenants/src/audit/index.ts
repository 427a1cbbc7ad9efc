export { AUDIT_PAGE_SIZE, type AuditSearch, auditSearchQuery, searchAuditLog } from "./search-audit-log";
