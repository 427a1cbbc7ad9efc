export { type AuditEntry, recordAudit } from "./audit";
export { findCertificateSerialTenant } from "./certificate-serials";
export {
  createDatabase,
  type Database,
  InvalidTenantIdError,
  type PlatformDb,
  type PoolUse,
  type ReplicaReadOptions,
  type TenantDb,
  type TransactionOptions,
  type UserDb,
} from "./database";
export * from "./generated/prisma/client";
export { createInsightsReader, type InsightsReader } from "./insights-reader";
export { literalLikeText } from "./like-text";
export { createDatabaseProbe, type DatabaseProbe } from "./probe";
export {
  createProcessDatabase,
  createProcessReplicaLagReader,
  type DatabaseSettings,
} from "./process-database";
export { assertDatabaseReachable, DatabaseUnreachableError } from "./provision";
export {
  createReplicaLagReader,
  REPLICA_LAG_TIMEOUT_MS,
  type ReplicaLag,
  type ReplicaLagReader,
} from "./replica-lag";
export { findRequestAccess, type RequestAccess } from "./request-access";
export type { Sql, TenantSql, TenantSqlOptions } from "./tenant-sql";
export { isDatabaseUnavailable } from "./unavailable";
export { isUniqueViolation } from "./unique-violation";
