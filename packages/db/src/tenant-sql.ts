import type pg from "pg";

/**
 * Statements sent by pg as written, without Prisma: for reads on every request, where Prisma's client
 * costs more CPU than the query (ADR 0019).
 */
export interface Sql {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
}

/** Statements on the one connection of a `withTenantSql` transaction. */
export type TenantSql = Sql;

export interface TenantSqlOptions {
  /** Milliseconds each statement may run. */
  timeout?: number;
  /**
   * false: the commit does not wait for its flush to disk (a crash may lose it). For work that is done
   * again after a crash, whose later commit (which waits) makes it durable.
   */
  synchronousCommit?: boolean;
}

/**
 * Runs `work` in a transaction on a connection of `pool` whose `app.tenant_id` is `tenantId`, as
 * withTenant does through Prisma. A connection whose ROLLBACK failed is dropped from the pool rather than
 * handed to the next user.
 */
export async function inTenantTransaction<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (sql: TenantSql) => Promise<T>,
  { timeout = 30_000, synchronousCommit = true }: TenantSqlOptions = {},
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // One round trip (several statements take no parameters, hence the literals); `true`: local to this
    // transaction, so the pooled connection never carries them to the next user.
    await client.query(
      `BEGIN; SELECT set_config('app.tenant_id', ${client.escapeLiteral(tenantId)}, true),
        set_config('statement_timeout', '${Math.max(0, Math.floor(timeout))}', true)${
          synchronousCommit ? "" : ", set_config('synchronous_commit', 'off', true)"
        }`,
    );
    const result = await work({
      async query<Row>(text: string, values?: unknown[]) {
        const { rows, rowCount } = await client.query(text, values);
        return { rows: rows as Row[], rowCount: rowCount ?? 0 };
      },
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
