// The errors a request meets while the database or its pooler is away, as they really arrive (Prisma, the
// pg adapter, plain pg), told apart from a query's own failure: the web answers the first kind 503.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/database";
import { freePort, type PgBouncer, startPgBouncer, usersOf } from "../src/pgbouncer";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { isDatabaseUnavailable } from "../src/unavailable";

let database: TestDatabase;
let bouncer: PgBouncer;
let throughBouncer: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const upstream = new URL(database.urls.app);
  bouncer = await startPgBouncer({
    upstream: { host: upstream.hostname, port: Number(upstream.port || 5432) },
    users: usersOf([database.urls.app]),
    poolSize: 2,
  });
  throughBouncer = createDatabase(bouncer.urlFor(database.urls.app), { poolSize: 2 });
});
afterAll(async () => {
  await throughBouncer?.disconnect();
  await bouncer?.stop();
  await database?.drop();
});

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error("expected the work to fail");
    },
    (error: unknown) => error,
  );

describe("isDatabaseUnavailable", () => {
  it("says so of every way of reaching a server that is not there", async () => {
    const url = new URL(database.urls.app);
    url.port = String(await freePort());
    const nowhere = createDatabase(url.toString(), { poolSize: 1 });
    try {
      const failures = await Promise.all([
        failureOf(nowhere.platform.$queryRaw`select 1`),
        failureOf(nowhere.platform.tenant.findFirst()),
        failureOf(nowhere.withTenant(crypto.randomUUID(), (tx) => tx.department.findFirst())),
        failureOf(nowhere.platformSql.query("select 1")),
        failureOf(nowhere.withTenantSql(crypto.randomUUID(), (sql) => sql.query("select 1"))),
      ]);
      expect(failures.map(isDatabaseUnavailable)).toEqual([true, true, true, true, true]);
    } finally {
      await nowhere.disconnect();
    }
  });

  it("says so of a transaction whose pooler went away under it, and of nothing once it is back", async () => {
    const cut = failureOf(
      throughBouncer.platform.$transaction(async (tx) => {
        await tx.$queryRaw`select 1`;
        await bouncer.restart();
        await tx.$queryRaw`select 2`;
      }),
    );
    expect(isDatabaseUnavailable(await cut)).toBe(true);
    const plain = failureOf(throughBouncer.platformSql.query("select pg_sleep(5)"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await bouncer.restart();
    expect(isDatabaseUnavailable(await plain)).toBe(true);
    // The pool opened new connections by itself.
    expect(await throughBouncer.platform.$queryRaw`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it("says so of the pg adapter's own error, as a failed COMMIT throws it unwrapped", () => {
    // The shape @prisma/adapter-pg throws (DriverAdapterError, its kind in `cause`), seen in the fault test
    // when PgBouncer went away during a commit.
    const commitFailed = Object.assign(new Error("ConnectionClosed"), {
      name: "DriverAdapterError",
      cause: { kind: "ConnectionClosed" },
    });
    expect(isDatabaseUnavailable(commitFailed)).toBe(true);
    const constraint = Object.assign(new Error("UniqueConstraintViolation"), {
      name: "DriverAdapterError",
      cause: { kind: "UniqueConstraintViolation" },
    });
    expect(isDatabaseUnavailable(constraint)).toBe(false);
  });

  it("does not say so of a query's own failure", async () => {
    const failures = await Promise.all([
      failureOf(database.db.platform.$queryRaw`select * from no_such_table`),
      failureOf(database.db.platformSql.query("select 1/0")),
      failureOf(database.db.platform.tenant.create({ data: {} as never })),
      Promise.resolve(new Error("something else")),
      Promise.resolve("a string"),
    ]);
    expect(failures.map(isDatabaseUnavailable)).toEqual([false, false, false, false, false]);
  });
});
