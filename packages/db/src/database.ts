import { type Prisma, PrismaClient } from "./generated/prisma/client";
import { createPgAdapter } from "./pg-adapter";
import { inTenantTransaction, type Sql, type TenantSql, type TenantSqlOptions } from "./tenant-sql";

/** A transaction in which row-level security shows one tenant's rows and accepts only that tenant's. */
export type TenantDb = Prisma.TransactionClient;

/**
 * Platform tables only (tenants and applications, users and identities, sessions, reset tokens, Stripe
 * events, outgoing mail, outbox). Tenant tables are left out of the type; were one reached anyway,
 * row-level security would show it empty, since no tenant is set outside withTenant. A certificate
 * serial's tenant is found with findCertificateSerialTenant().
 */
export type PlatformDb = Pick<
  PrismaClient,
  | "tenant"
  | "tenantApplication"
  | "stripeEvent"
  | "userIdentity"
  | "user"
  | "session"
  | "passwordResetToken"
  | "outgoingEmail"
  | "outboxEvent"
  | "platformAuditLog"
  | "insightPublication"
  | "$transaction"
  | "$queryRaw"
  | "$executeRaw"
>;

export interface TransactionOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** Milliseconds the transaction may run. */
  timeout?: number;
  /** Milliseconds it may wait for a connection of the pool. */
  maxWait?: number;
}

export interface Database {
  /**
   * The one way to touch tenant data: runs `work` in a transaction whose `app.tenant_id` is `tenantId`,
   * so PostgreSQL shows and accepts that tenant's rows alone. Queries should still filter by tenant:
   * row-level security is the floor, not the only wall.
   */
  withTenant<T>(
    tenantId: string,
    work: (db: TenantDb) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  /**
   * withTenant on a plain pg connection, for statements with large parameters (a batch of import rows as
   * JSON): Prisma passes every parameter through its query compiler, which cost ~28 ms of CPU per 0.5 MB
   * against ~4 ms here. `timeout`: milliseconds each statement may run (30 s unless told).
   */
  withTenantSql<T>(
    tenantId: string,
    work: (sql: TenantSql) => Promise<T>,
    options?: TenantSqlOptions,
  ): Promise<T>;
  /**
   * withTenant for a read that may be served by the read replica (DATABASE_REPLICA_URL; ADR 0028): the
   * reports' and dashboards' reads. `work` must only read. The replica serves it when it has replayed the
   * primary's WAL up to `notBefore` (the reader's last write, from walPosition()); otherwise, when it is
   * unreachable, or when it cancels the read for a conflict with recovery, the primary does. Without a
   * replica this is withTenant.
   */
  withTenantReplica<T>(
    tenantId: string,
    work: (db: TenantDb) => Promise<T>,
    options?: ReplicaReadOptions,
  ): Promise<T>;
  /** Whether a replica is configured: without one, noting write positions serves no purpose. */
  readonly hasReplica: boolean;
  /**
   * The primary's WAL position now, as PostgreSQL writes it ("0/3000148"). Taken after a write has
   * committed, a replica that has replayed up to it shows that write.
   */
  walPosition(): Promise<string>;
  /** How many replica reads the replica served, and how many went to the primary instead. */
  replicaReads(): { replica: number; primary: number };
  /**
   * Runs `work` in a transaction where `app.user_id` is `userId`: the only tenant rows visible are that
   * user's own memberships, in every tenant (policy own_memberships). For finding where a user works.
   */
  withUser<T>(userId: string, work: (db: UserDb) => Promise<T>): Promise<T>;
  platform: PlatformDb;
  /**
   * Single statements on platform tables (sessions, users, tenants), outside any tenant and any
   * transaction: row-level security shows no tenant row here.
   */
  platformSql: Sql;
  /** The connection pool's use now, for the metrics endpoint. */
  poolUse(): PoolUse;
  disconnect(): Promise<void>;
}

export interface PoolUse {
  /** The most connections the pool opens. */
  max: number;
  /** Connections open, idle among them, and queries waiting for one. */
  open: number;
  idle: number;
  waiting: number;
}

export interface ReplicaReadOptions {
  /**
   * The primary's WAL position (walPosition()) the replica must have replayed to serve the read: the
   * reader's last write. Null or absent: any replica state will do. Not a WAL position: the primary serves.
   */
  notBefore?: string | null;
  /**
   * Milliseconds to wait for the replica to reach `notBefore` before the primary serves the read: for work
   * that is in no hurry (a job), where a replica a few milliseconds behind should still take the load.
   */
  waitMs?: number;
}

/** A WAL position as PostgreSQL prints a pg_lsn. */
const WAL_POSITION = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** Thrown inside a replica transaction that may not serve the read, to end it and ask the primary. */
class ReplicaBehind extends Error {}

/**
 * A hot standby cancels a read whose rows replay wants to remove ("conflict with recovery", SQLSTATE 40001):
 * the primary answers it instead.
 */
function isRecoveryConflict(error: unknown): boolean {
  return error instanceof Error && /conflict with recovery/i.test(error.message);
}

/** What withUser shows: the user's memberships (read-only by policy) and platform tables. */
export type UserDb = Pick<Prisma.TransactionClient, "membership" | "tenant">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidTenantIdError extends Error {
  constructor(tenantId: unknown) {
    super(`withTenant needs a tenant id (uuid), got ${JSON.stringify(tenantId)}`);
    this.name = "InvalidTenantIdError";
  }
}

export interface DatabaseOptions {
  /** Connections the pool opens at most (DATABASE_POOL_SIZE); 10 unless told. */
  poolSize?: number;
  /** Seconds a connection may sit idle in the pool before it is closed (DATABASE_POOL_IDLE_SECONDS); 10 unless told. */
  idleSeconds?: number;
  /**
   * Told when a pooled connection breaks (the server restarted, an administrator ended it): the pool
   * drops the connection and opens a new one for the next query, so this is for the log.
   */
  onConnectionError?: (error: Error) => void;
  /** Told the SQL of every statement sent, BEGIN and COMMIT included (tests count round trips with it). */
  onStatement?: (sql: string) => void;
  /**
   * A streaming replica of the same database, connected as the same role, for withTenantReplica
   * (DATABASE_REPLICA_URL; ADR 0028). Its pool has `poolSize` connections too.
   */
  replicaUrl?: string;
  /** Told when the replica could not serve a read for an error (it is down, or cancelled the read). */
  onReplicaError?: (error: Error) => void;
}

/** How long disconnecting waits for connections in use: one whose server went away may never come back. */
const DISCONNECT_WAIT_MS = 5_000;

/** Connects as the given role (the app role in every running process: no superuser, no BYPASSRLS). */
export function createDatabase(
  url: string,
  {
    poolSize = 10,
    idleSeconds = 10,
    onConnectionError,
    onStatement,
    replicaUrl,
    onReplicaError,
  }: DatabaseOptions = {},
): Database {
  const pooling = { size: poolSize, idleSeconds };
  const { adapter, pool } = createPgAdapter(url, pooling, onConnectionError, onStatement);
  const client = new PrismaClient({ adapter });
  const replicaPg = replicaUrl ? createPgAdapter(replicaUrl, pooling, onConnectionError, onStatement) : null;
  const replica = replicaPg ? new PrismaClient({ adapter: replicaPg.adapter }) : null;
  /** Whether the replica reached `position` within `waitMs` (polled; a replica away is no answer). */
  const replayed = async (position: string, waitMs: number) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const { rows } = await (replicaPg as NonNullable<typeof replicaPg>).pool
        .query<{ done: boolean }>("select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) as done", [
          position,
        ])
        .catch(() => ({ rows: [] as { done: boolean }[] }));
      if (rows[0]?.done || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const replicaReads = { replica: 0, primary: 0 };
  const withTenant: Database["withTenant"] = async (tenantId, work, options = {}) => {
    if (typeof tenantId !== "string" || !UUID.test(tenantId)) throw new InvalidTenantIdError(tenantId);
    return client.$transaction(
      async (tx) => {
        // `true`: local to this transaction, so a pooled connection never carries it to the next user.
        await tx.$executeRaw`select set_config('app.tenant_id', ${tenantId}, true)`;
        return work(tx);
      },
      { maxWait: 10_000, timeout: 30_000, ...options },
    );
  };
  return {
    platform: client,
    platformSql: {
      async query<Row>(text: string, values?: unknown[]) {
        const { rows, rowCount } = await pool.query(text, values);
        return { rows: rows as Row[], rowCount: rowCount ?? 0 };
      },
    },
    withTenant,
    hasReplica: replica !== null,
    async withTenantReplica(tenantId, work, { notBefore = null, waitMs = 0 } = {}) {
      if (typeof tenantId !== "string" || !UUID.test(tenantId)) throw new InvalidTenantIdError(tenantId);
      const usable = notBefore === null || WAL_POSITION.test(notBefore);
      if (!replica || !usable) {
        if (replica) replicaReads.primary++;
        return withTenant(tenantId, work);
      }
      if (notBefore !== null && waitMs > 0) await replayed(notBefore, waitMs);
      let working = false;
      try {
        const result = await replica.$transaction(
          async (tx) => {
            // The tenant and the replica's progress in one round trip. On a primary (a replica URL that
            // names one) nothing is replayed, null: it has every write.
            const [state] = await tx.$queryRaw<{ caught_up: boolean }[]>`
              select set_config('app.tenant_id', ${tenantId}, true) is not null
                and coalesce(pg_last_wal_replay_lsn() >= ${notBefore}::pg_lsn, true) as caught_up`;
            if (!state?.caught_up) throw new ReplicaBehind();
            working = true;
            return work(tx);
          },
          { maxWait: 10_000, timeout: 30_000 },
        );
        replicaReads.replica++;
        return result;
      } catch (error) {
        // An error of the read itself is the caller's; the replica being behind, away, or cancelling the
        // read for replay is not, and the primary answers.
        if (working && !isRecoveryConflict(error)) throw error;
        if (!(error instanceof ReplicaBehind)) onReplicaError?.(error as Error);
        replicaReads.primary++;
        return withTenant(tenantId, work);
      }
    },
    async walPosition() {
      // The insert position: at or past every commit record already written, whether or not it was flushed
      // yet (a transaction with synchronous_commit off).
      const { rows } = await pool.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn");
      return rows[0]?.lsn as string;
    },
    replicaReads: () => ({ ...replicaReads }),
    async withTenantSql(tenantId, work, options = {}) {
      if (typeof tenantId !== "string" || !UUID.test(tenantId)) throw new InvalidTenantIdError(tenantId);
      return inTenantTransaction(pool, tenantId, work, { timeout: 30_000, ...options });
    },
    poolUse: () => ({
      max: poolSize,
      open: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    async withUser(userId, work) {
      if (typeof userId !== "string" || !UUID.test(userId)) throw new InvalidTenantIdError(userId);
      return client.$transaction(async (tx) => {
        await tx.$executeRaw`select set_config('app.user_id', ${userId}, true)`;
        return work(tx);
      });
    },
    async disconnect() {
      // The pool's end waits for every connection in use, and work that never finishes would keep the
      // process from stopping: bounded.
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DISCONNECT_WAIT_MS);
        timer.unref();
      });
      await Promise.race([Promise.all([client.$disconnect(), replica?.$disconnect()]), waited]);
      clearTimeout(timer);
    },
  };
}
