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
  poolSize?: number;
  /**
   * Told when a pooled connection breaks (the server restarted, an administrator ended it): the pool
   * drops the connection and opens a new one for the next query, so this is for the log.
   */
  onConnectionError?: (error: Error) => void;
  /** Told the SQL of every statement sent, BEGIN and COMMIT included (tests count round trips with it). */
  onStatement?: (sql: string) => void;
}

/** How long disconnecting waits for connections in use: one whose server went away may never come back. */
const DISCONNECT_WAIT_MS = 5_000;

/** Connects as the given role (the app role in every running process: no superuser, no BYPASSRLS). */
export function createDatabase(
  url: string,
  { poolSize = 10, onConnectionError, onStatement }: DatabaseOptions = {},
): Database {
  const { adapter, pool } = createPgAdapter(url, poolSize, onConnectionError, onStatement);
  const client = new PrismaClient({ adapter });
  return {
    platform: client,
    platformSql: {
      async query<Row>(text: string, values?: unknown[]) {
        const { rows, rowCount } = await pool.query(text, values);
        return { rows: rows as Row[], rowCount: rowCount ?? 0 };
      },
    },
    async withTenant(tenantId, work, options = {}) {
      if (typeof tenantId !== "string" || !UUID.test(tenantId)) throw new InvalidTenantIdError(tenantId);
      return client.$transaction(
        async (tx) => {
          // `true`: local to this transaction, so a pooled connection never carries it to the next user.
          await tx.$executeRaw`select set_config('app.tenant_id', ${tenantId}, true)`;
          return work(tx);
        },
        { maxWait: 10_000, timeout: 30_000, ...options },
      );
    },
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
      await Promise.race([client.$disconnect(), waited]);
      clearTimeout(timer);
    },
  };
}
