import { createDatabase, type Database } from "./database";
import { createReplicaLagReader, type ReplicaLagReader } from "./replica-lag";

/** The settings a running process (web or worker) makes its database from; packages/config reads them. */
export interface DatabaseSettings {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_POOL_IDLE_SECONDS: number;
  DATABASE_REPLICA_URL?: string;
}

/** Where a process tells of connections that broke and of reads the replica could not serve. */
interface WarningLog {
  warn(details: { err: unknown }, message: string): void;
}

/**
 * A running process's database as its settings describe it: pooled as configured, with the read replica
 * when one is set (ADR 0028). The pool mends a broken connection itself and a read the replica fails is
 * served by the primary, so both are warnings in the log.
 */
export function createProcessDatabase(settings: DatabaseSettings, log: WarningLog): Database {
  return createDatabase(settings.DATABASE_URL, {
    poolSize: settings.DATABASE_POOL_SIZE,
    idleSeconds: settings.DATABASE_POOL_IDLE_SECONDS,
    onConnectionError: (err) => log.warn({ err }, "database connection lost"),
    replicaUrl: settings.DATABASE_REPLICA_URL,
    onReplicaError: (err) => log.warn({ err }, "the read replica could not serve a read: the primary did"),
  });
}

/** The read replica's lag, on connections of its own, for /metrics; none without a replica. */
export function createProcessReplicaLagReader(settings: DatabaseSettings): ReplicaLagReader | undefined {
  return settings.DATABASE_REPLICA_URL
    ? createReplicaLagReader(settings.DATABASE_URL, settings.DATABASE_REPLICA_URL)
    : undefined;
}
