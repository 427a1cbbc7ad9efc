// Behind PgBouncer in transaction pooling mode, each transaction may run on another server connection
// and a server connection passes from client to client between transactions, with whatever session state
// the last one left (PgBouncer runs no reset query in this mode). These tests run the app's database
// client through a PgBouncer of their own with ONE server connection, so every transaction of every client
// shares it, and show that tenants stay apart and that nothing a transaction sets survives it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/database";
import { type PgBouncer, startPgBouncer, usersOf } from "../src/pgbouncer";
import { createSeededTestDatabase, type SeededTestDatabase } from "../src/testing";

let database: SeededTestDatabase;
let bouncer: PgBouncer;
let url: string;
/** Two processes' worth of clients, each with its own pool: eight client connections, one server connection. */
let clients: Database[];
let yongin: string;
let gangneung: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  yongin = database.seeded[0]?.tenantId as string;
  gangneung = database.seeded[1]?.tenantId as string;
  const upstream = new URL(database.urls.app);
  bouncer = await startPgBouncer({
    upstream: { host: upstream.hostname, port: Number(upstream.port || 5432) },
    users: usersOf([database.urls.app]),
    poolSize: 1,
  });
  url = bouncer.urlFor(database.urls.app);
  clients = [createDatabase(url, { poolSize: 4 }), createDatabase(url, { poolSize: 4 })];
});
afterAll(async () => {
  await Promise.all((clients ?? []).map((client) => client.disconnect()));
  await bouncer?.stop();
  await database?.drop();
});

interface Seen {
  backend: number;
  tenantSetting: string;
  staffTenants: string[];
  departmentTenants: string[];
}

/** One tenant transaction through Prisma: what it sees, with a department of its own written in it. */
function prismaTransaction(client: Database, tenantId: string, code: string): Promise<Seen> {
  return client.withTenant(tenantId, async (tx) => {
    const [session] = await tx.$queryRaw<{ backend: number; tenant: string }[]>`
      select pg_backend_pid() as backend, current_setting('app.tenant_id', true) as tenant`;
    await tx.department.create({ data: { tenantId, code, name: code } });
    // Still inside the transaction while the other clients' transactions queue for the one server connection.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const staff = await tx.$queryRaw<{ tenant_id: string }[]>`
      select distinct tenant_id::text from staff_members`;
    const departments = await tx.$queryRaw<{ tenant_id: string }[]>`
      select distinct tenant_id::text from departments where code like 'pooled-%'`;
    return {
      backend: session?.backend as number,
      tenantSetting: session?.tenant as string,
      staffTenants: staff.map((row) => row.tenant_id),
      departmentTenants: departments.map((row) => row.tenant_id),
    };
  });
}

/** The same on a plain pg connection (withTenantSql, the bulk statements' path). */
function sqlTransaction(client: Database, tenantId: string, code: string): Promise<Seen> {
  return client.withTenantSql(tenantId, async (sql) => {
    const { rows: session } = await sql.query<{ backend: number; tenant: string }>(
      "select pg_backend_pid() as backend, current_setting('app.tenant_id', true) as tenant",
    );
    await sql.query("insert into departments (tenant_id, code, name) values ($1::uuid, $2, $2)", [
      tenantId,
      code,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const { rows: staff } = await sql.query<{ tenant_id: string }>(
      "select distinct tenant_id::text from staff_members",
    );
    const { rows: departments } = await sql.query<{ tenant_id: string }>(
      "select distinct tenant_id::text from departments where code like 'pooled-%'",
    );
    return {
      backend: session[0]?.backend as number,
      tenantSetting: session[0]?.tenant as string,
      staffTenants: staff.map((row) => row.tenant_id),
      departmentTenants: departments.map((row) => row.tenant_id),
    };
  });
}

/** What a client that chose no tenant finds on the server connection: the setting and the rows it sees. */
async function outsideAnyTenant(client: Database) {
  const [row] = await client.platform.$queryRaw<{ backend: number; tenant: string | null; staff: number }[]>`
    select pg_backend_pid() as backend, current_setting('app.tenant_id', true) as tenant,
      (select count(*)::int from staff_members) as staff`;
  return row as { backend: number; tenant: string | null; staff: number };
}

describe("the app's database client behind PgBouncer in transaction pooling mode (one server connection)", () => {
  it("keeps two tenants' interleaved transactions apart: each sees and writes its own rows alone", async () => {
    const run = (index: number) => {
      const tenantId = index % 2 === 0 ? yongin : gangneung;
      const client = clients[Math.floor(index / 2) % 2] as Database;
      const code = `pooled-${index}`;
      const seen =
        index % 4 < 2 ? prismaTransaction(client, tenantId, code) : sqlTransaction(client, tenantId, code);
      return seen.then((result) => ({ tenantId, ...result }));
    };
    // Eight at a time, interleaved on the one server connection: sixty at once would queue longer than a
    // transaction may wait to start on a busy machine.
    const results: Awaited<ReturnType<typeof run>>[] = [];
    for (let wave = 0; wave < 60; wave += 8)
      results.push(
        ...(await Promise.all(Array.from({ length: Math.min(8, 60 - wave) }, (_, i) => run(wave + i)))),
      );

    // One server connection carried all sixty, from eight client connections.
    expect(new Set(results.map((result) => result.backend)).size).toBe(1);
    for (const result of results) {
      expect(result.tenantSetting).toBe(result.tenantId);
      expect(result.staffTenants).toEqual([result.tenantId]);
      expect(result.departmentTenants).toEqual([result.tenantId]);
    }
    const written = await database.db.withTenant(yongin, (tx) =>
      tx.department.count({ where: { code: { startsWith: "pooled-" } } }),
    );
    expect(written).toBe(30);
  });

  it("leaves no tenant on the server connection for the next transaction, after a commit through Prisma or plain SQL and after a rollback", async () => {
    const [first, second] = clients as [Database, Database];
    const { backend } = await prismaTransaction(first, yongin, "pooled-leak-1");
    const afterCommit = await outsideAnyTenant(second);
    expect(afterCommit.backend).toBe(backend);
    expect(afterCommit.tenant ?? "").toBe("");
    expect(afterCommit.staff).toBe(0);

    await sqlTransaction(first, gangneung, "pooled-leak-2");
    const afterSqlCommit = await outsideAnyTenant(second);
    expect(afterSqlCommit.backend).toBe(backend);
    expect(afterSqlCommit.tenant ?? "").toBe("");
    expect(afterSqlCommit.staff).toBe(0);

    await expect(
      first.withTenantSql(gangneung, async (sql) => {
        await sql.query("select 1");
        throw new Error("part-way");
      }),
    ).rejects.toThrow("part-way");
    const afterRollback = await outsideAnyTenant(second);
    expect(afterRollback.backend).toBe(backend);
    expect(afterRollback.tenant ?? "").toBe("");
    expect(afterRollback.staff).toBe(0);
  });

  it("would leak a session-level setting to another client: the shared connection these tests rely on is real", async () => {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      // What the app never does (is_local false): the setting outlives the statement's transaction.
      await other.query("select set_config('app.tenant_id', $1, false)", [yongin]);
      const leaked = await outsideAnyTenant(clients[1] as Database);
      expect(leaked.tenant).toBe(yongin);
      expect(leaked.staff).toBeGreaterThan(0);
    } finally {
      await other.query("select set_config('app.tenant_id', '', false)");
      await other.end();
    }
    expect((await outsideAnyTenant(clients[0] as Database)).staff).toBe(0);
  });

  it("runs parameterised statements from many client connections on one server connection (no named prepared statements)", async () => {
    const slugs = await database.db.platform.tenant.findMany({ select: { slug: true, id: true } });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const client = clients[index % 2] as Database;
        const tenant = slugs[index % slugs.length] as { slug: string; id: string };
        return index % 2 === 0
          ? client.platform.tenant
              .findUnique({ where: { slug: tenant.slug }, select: { id: true } })
              .then((found) => found?.id === tenant.id)
          : client.platformSql
              .query<{ id: string }>("select id::text from tenants where slug = $1", [tenant.slug])
              .then(({ rows }) => rows[0]?.id === tenant.id);
      }),
    );
    expect(answers.every(Boolean)).toBe(true);
  });
});

/**
 * Session-level state in the code that runs behind the pooler: each construct below would outlive its
 * transaction on a pooled server connection (or, for named prepared statements, be missing on the next).
 * Set-up and tests connect to PostgreSQL directly, and may use them.
 */
const sessionLevel: [RegExp, string][] = [
  [/set_config\([^)]*,\s*false\s*\)/i, "set_config(…, false): a session-level setting"],
  [/["'`]\s*SET\s+(SESSION\s+)?(?!LOCAL\b|TRANSACTION\b)[a-z_.]+\s+(TO|=)/i, "SET without LOCAL"],
  [/pg_(try_)?advisory_lock(_shared)?\s*\(/i, "a session-level advisory lock"],
  [/\b(UN)?LISTEN\s+[a-z_"]/, "LISTEN: notifications belong to a session"],
  [/pg_notify\s*\(|\bNOTIFY\s+[a-z_"]/, "NOTIFY with a listener on a pooled session"],
  [/statementNameGenerator|\.query\(\s*\{[^}]*\bname\s*:/s, "a named prepared statement"],
  [/CREATE\s+TEMP(ORARY)?\s+TABLE/i, "a temporary table (lives as long as the session)"],
  [/CURSOR\s+WITH\s+HOLD/i, "a cursor held past its transaction"],
];

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const runningCode = [
  "apps/web/app",
  "apps/web/server.ts",
  "apps/worker/src",
  ...readdirSync(join(repository, "packages")).map((name) => `packages/${name}/src`),
];

function sourceFiles(path: string): string[] {
  const full = join(repository, path);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) =>
    // Set-up and test helpers connect directly; Prisma's generated client is not ours.
    name === "testing" || name === "generated" || name === "node_modules"
      ? []
      : sourceFiles(`${path}/${name}`),
  );
}

describe("code that runs behind the pooler", () => {
  it("holds no session-level state", () => {
    const files = runningCode
      .flatMap(sourceFiles)
      .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readFileSync(join(repository, file), "utf8");
      return sessionLevel.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${file}: ${what}`);
    });
    expect(found).toEqual([]);
  });
});
