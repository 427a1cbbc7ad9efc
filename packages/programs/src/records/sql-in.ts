import type { TenantDb, TenantSql } from "@mentoring/db";

/**
 * A Prisma tenant transaction as `TenantSql`, for a read written in SQL for a hot page (ADR 0019) that a
 * use case on Prisma also needs inside its own transaction (the applicants export reads the list's rows
 * and records its audit row in one). Prisma sends the values as text: the SQL casts what is not.
 */
export function sqlIn(tx: TenantDb): TenantSql {
  return {
    async query<Row>(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Row[]>(text, ...values);
      return { rows, rowCount: rows.length };
    },
  };
}
