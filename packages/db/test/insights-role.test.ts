import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInsightsReader, type InsightsReader } from "../src/insights-reader";
import { connect, credentialsOf } from "../src/provision";
import { createSeededTestDatabase, type SeededTestDatabase } from "../src/testing";

/**
 * The national insights analysts' database role reads the published aggregates (every column but
 * tenant_id) and their publications, and nothing else: every other table of the catalog, tenant or
 * platform, refuses it each of select, insert, update and delete. Found from pg_catalog, so a table added
 * later is covered without editing this test.
 */

let database: SeededTestDatabase;
let reader: InsightsReader;
let role: pg.Client;

const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => "allowed",
    (error: { code?: string }) => (error.code === "42501" ? "refused" : `failed: ${error.code}`),
  );

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const publication = await database.db.platform.insightPublication.create({
    data: { status: "published", publishedAt: new Date(), tenantCount: 2, cohortCount: 2 },
  });
  for (const seeded of database.seeded) {
    await database.db.withTenant(seeded.tenantId, (tx) =>
      tx.insightAggregate.create({
        data: {
          tenantId: seeded.tenantId,
          publicationId: publication.id,
          cohortRef: randomUUID(),
          governmentType: "basic_government",
          region: "경기도",
          sizeBand: "2000_4999",
          programKind: "standard",
          teamShape: "1:2",
          cohortYear: 2026,
          metric: "participants",
          value: 38,
          peopleCount: 38,
        },
      }),
    );
  }
  reader = createInsightsReader(database.urls.insights, { poolSize: 1 });
  role = await connect(database.urls.insights);
});
afterAll(async () => {
  await role?.end();
  await reader?.disconnect();
  await database?.drop();
});

describe("the national insights database role", () => {
  it("is a login role of its own that cannot bypass row-level security", async () => {
    const { user } = credentialsOf(database.urls.insights);
    const { rows } = await role.query(
      "select current_user as name, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user",
    );
    expect(rows).toEqual([
      { name: user, rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false },
    ]);
    expect(user).not.toBe(credentialsOf(database.urls.app).user);
  });

  it("reads every organisation's aggregate rows, without a tenant set", async () => {
    const { rows } = await reader.query<{ region: string; value: number; tenant_name: string | null }>(
      "select region, value, tenant_name from insight_aggregates order by region",
    );
    expect(rows).toHaveLength(database.seeded.length);
    expect(rows.every((row) => row.value === 38)).toBe(true);
    const publications = await reader.query("select id, status from insight_publications");
    expect(publications.rowCount).toBe(1);
  });

  it("is refused the organisation behind a row: tenant_id, and select * that would include it", async () => {
    expect(await refused(reader.query("select tenant_id from insight_aggregates"))).toBe("refused");
    expect(await refused(reader.query("select * from insight_aggregates"))).toBe("refused");
    expect(
      await refused(reader.query("select count(*) from insight_aggregates where tenant_id is not null")),
    ).toBe("refused");
  });

  it("writes nothing to the aggregates or the publications", async () => {
    expect(await refused(reader.query("update insight_aggregates set value = 0"))).toBe("refused");
    expect(await refused(reader.query("delete from insight_aggregates"))).toBe("refused");
    expect(await refused(reader.query("delete from insight_publications"))).toBe("refused");
    expect(
      await refused(reader.query("insert into insight_publications (status) values ('published')")),
    ).toBe("refused");
  });

  it("is refused select, insert, update and delete on every other table in the catalog", async () => {
    const owner = await connect(database.urls.owner);
    let tables: { name: string; column: string }[];
    try {
      const { rows } = await owner.query<{ name: string; column: string }>(
        `select c.relname as name, (select a.attname from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum limit 1) as column
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
           and c.relname not in ('insight_aggregates', 'insight_publications')
         order by c.relname`,
      );
      tables = rows;
    } finally {
      await owner.end();
    }
    // Tenant tables, platform tables (users, sessions, tenants) and the migrations' own table among them.
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        "tenants",
        "users",
        "sessions",
        "staff_members",
        "cohorts",
        "audit_logs",
        "_prisma_migrations",
      ]),
    );
    const answers: Record<string, string[]> = {};
    for (const { name, column } of tables) {
      const table = `"${name}"`;
      const col = `"${column}"`;
      answers[name] = [
        await refused(role.query(`select 1 from ${table} limit 1`)),
        await refused(role.query(`insert into ${table} default values`)),
        await refused(role.query(`update ${table} set ${col} = ${col}`)),
        await refused(role.query(`delete from ${table}`)),
      ];
    }
    const allowed = Object.entries(answers).filter(([, each]) => each.some((answer) => answer !== "refused"));
    expect(allowed).toEqual([]);
  });

  it("can call none of the database's own functions that run as their owner", async () => {
    const { rows } = await role.query<{ name: string; callable: boolean }>(
      `select p.proname as name, has_function_privilege(p.oid, 'execute') as callable
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosecdef`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.callable)).toEqual([]);
  });

  it("creates nothing in the schema", async () => {
    expect(await refused(role.query("create table insights_scratch (id int)"))).toBe("refused");
  });
});
