import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/provision";
import { createTestDatabase, type TestDatabase } from "../src/testing";

// Read from the catalog of a freshly migrated database (as the owner, who sees every table), so a table or
// a foreign key added by a later migration is checked without editing this file. No table is exempt.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function query<T>(sql: string): Promise<T[]> {
  const owner = await connect(database.urls.owner);
  try {
    return (await owner.query(sql)).rows as T[];
  } finally {
    await owner.end();
  }
}

const TABLES_WITH_TENANT_ID = `
  select c.oid, c.relname
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
  where n.nspname = 'public' and c.relkind in ('r', 'p')`;

describe("the migrated schema", () => {
  it("puts every table with a tenant_id column under row-level security, enabled and forced, with a policy", async () => {
    const tables = await query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(`
      select t.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = t.oid) as policies
      from (${TABLES_WITH_TENANT_ID}) t join pg_class c on c.oid = t.oid
      order by t.relname`);
    expect(tables.length).toBeGreaterThan(20);
    const unprotected = tables
      .filter((t) => !t.enabled || !t.forced || t.policies === 0)
      .map((t) => `${t.table}: enabled ${t.enabled}, forced ${t.forced}, ${t.policies} policies`);
    expect(unprotected).toEqual([]);
  });

  it("makes every foreign key between two tables with a tenant_id composite on tenant_id", async () => {
    // A key on a bare id lets a row point at another tenant's row (foreign key checks ignore row-level
    // security), and its error tells whether that id exists elsewhere.
    const keys = await query<{ name: string; table: string; columns: string[]; referenced: string[] }>(`
      select con.conname as name, src.relname as "table",
             array(select a.attname from unnest(con.conkey) with ordinality k(attnum, i)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i)::text[] as columns,
             array(select a.attname from unnest(con.confkey) with ordinality k(attnum, i)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.i)::text[] as referenced
      from pg_constraint con
      join (${TABLES_WITH_TENANT_ID}) src on src.oid = con.conrelid
      join (${TABLES_WITH_TENANT_ID}) dst on dst.oid = con.confrelid
      where con.contype = 'f'
      order by con.conname`);
    expect(keys.length).toBeGreaterThan(20);
    const bare = keys
      .filter(
        (key) =>
          !key.columns.some((column, i) => column === "tenant_id" && key.referenced[i] === "tenant_id"),
      )
      .map((key) => `${key.name}: (${key.columns.join(", ")}) → (${key.referenced.join(", ")})`);
    expect(bare).toEqual([]);
  });
});
