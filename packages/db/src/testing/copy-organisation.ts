import type { Database } from "../database";
import type { TenantKind } from "../generated/prisma/client";

/**
 * For benchmarks at national size: one organisation's rows copied whole into many more, in bulk by SQL.
 * Every uuid column of a copied row gets a new value derived from the old one and the copy (md5 of both),
 * so keys between copied rows still meet; tenant_id becomes the copy's, and the columns `kept` names (users,
 * who sign in once for every organisation) keep their value.
 */

export interface OrganisationCopy {
  slug: string;
  name: string;
  kind: TenantKind;
  region: string;
  insightsOptedInAt?: Date;
  insightsNamed?: boolean;
}

/** The uuid columns of each table named, as the database has them. */
export async function uuidColumnsOf(
  db: Database,
  tenantId: string,
  tables: readonly string[],
): Promise<Map<string, string[]>> {
  const columns = new Map<string, string[]>();
  await db.withTenantSql(tenantId, async (sql) => {
    const { rows } = await sql.query<{ table: string; column: string }>(
      `select table_name as table, column_name as column from information_schema.columns
        where table_schema = current_schema() and data_type = 'uuid' and table_name = any($1::text[])`,
      [[...tables]],
    );
    for (const row of rows) columns.set(row.table, [...(columns.get(row.table) ?? []), row.column]);
  });
  return columns;
}

/**
 * The jsonb_build_object arguments that give a copied row (`r`) new ids: each uuid column of `table` that
 * `kept` does not keep, as md5(old value || salt).
 */
export function remappedIds(
  columns: Map<string, string[]>,
  table: string,
  kept: (column: string) => boolean,
  salt: string,
): string {
  return (columns.get(table) ?? [])
    .filter((column) => !kept(column))
    .map((column) => `'${column}', md5((r->>'${column}') || '${salt}')::uuid`)
    .join(", ");
}

/** What a copy of a whole organisation keeps: its own tenant id is replaced, and users are shared. */
const organisationKept = (column: string) => column === "tenant_id" || column.endsWith("user_id");

/**
 * Copies the source organisation's rows of `tables` (in key order) into a new organisation per entry of
 * `copies`, each in one transaction; returns the new tenants' ids in order.
 */
export async function copyOrganisation(
  db: Database,
  sourceTenantId: string,
  tables: readonly string[],
  copies: readonly OrganisationCopy[],
  onProgress: (done: number) => void = () => {},
): Promise<string[]> {
  const columns = await uuidColumnsOf(db, sourceTenantId, tables);
  const rowsOf = new Map<string, unknown[]>();
  await db.withTenantSql(sourceTenantId, async (sql) => {
    for (const table of tables) {
      const { rows } = await sql.query<{ r: unknown }>(
        `select to_jsonb(t) as r from ${table} t where t.tenant_id = $1`,
        [sourceTenantId],
      );
      rowsOf.set(
        table,
        rows.map((row) => row.r),
      );
    }
  });
  const source = await db.platform.tenant.findUniqueOrThrow({ where: { id: sourceTenantId } });
  const ids: string[] = [];
  for (const [index, copy] of copies.entries()) {
    const tenant = await db.platform.tenant.create({
      data: { ...copy, status: "active", timeZone: source.timeZone },
    });
    await db.withTenantSql(
      tenant.id,
      async (sql) => {
        for (const table of tables) {
          const ids = remappedIds(columns, table, organisationKept, `:${copy.slug}`);
          await sql.query(
            `insert into ${table}
             select (jsonb_populate_record(null::${table},
                       r || jsonb_build_object('tenant_id', $2::uuid${ids ? `, ${ids}` : ""}))).*
               from jsonb_array_elements($1::jsonb) r`,
            [JSON.stringify(rowsOf.get(table)), tenant.id],
          );
        }
      },
      { timeout: 600_000, synchronousCommit: false },
    );
    ids.push(tenant.id);
    onProgress(index + 1);
  }
  return ids;
}
