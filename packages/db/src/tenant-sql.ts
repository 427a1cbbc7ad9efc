import type pg from "pg";

/** Statements on the one connection of a `withTenantSql` transaction. */
export interface TenantSql {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
}

/**
 * Runs `work` in a transaction on a connection of `pool` whose `app.tenant_id` is `tenantId`, as
 * withTenant does through Prisma. Each statement may run `timeoutMs` at most. A connection whose
 * ROLLBACK failed is dropped from the pool rather than handed to the next user.
 */
export async function inTenantTransaction<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (sql: TenantSql) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    // `true`: local to this transaction, so the pooled connection never carries them to the next user.
    await client.query(
      "select set_config('app.tenant_id', $1, true), set_config('statement_timeout', $2, true)",
      [tenantId, String(timeoutMs)],
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
