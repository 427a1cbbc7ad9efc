import pg from "pg";
import type { Sql } from "./tenant-sql";

/**
 * The national insights pages' only way into the database: a pool connected as the insights role
 * (DATABASE_INSIGHTS_URL), which may read insight_publications and every column of insight_aggregates but
 * tenant_id, and nothing else (grantInsightsPrivileges in provision.ts). Plain SQL: a statement that names
 * anything more is refused by PostgreSQL itself, so `select *` on the aggregates is refused too.
 */
export interface InsightsReader extends Sql {
  disconnect(): Promise<void>;
}

export function createInsightsReader(
  url: string,
  { poolSize = 4, onConnectionError }: { poolSize?: number; onConnectionError?: (error: Error) => void } = {},
): InsightsReader {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A connection the server ends between two queries must not end the process: the pool drops it.
  pool.on("error", (error) => onConnectionError?.(error));
  pool.on("connect", (connection) => connection.on("error", (error) => onConnectionError?.(error)));
  return {
    async query<Row>(text: string, values?: unknown[]) {
      const { rows, rowCount } = await pool.query(text, values);
      return { rows: rows as Row[], rowCount: rowCount ?? 0 };
    },
    async disconnect() {
      await pool.end();
    },
  };
}
