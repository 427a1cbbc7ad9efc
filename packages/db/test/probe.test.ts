// The readiness check's own connection (src/probe.ts): it answers while the pool is taken, fails while
// PgBouncer is away, and answers again once it is back, by itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/database";
import { type PgBouncer, startPgBouncer, usersOf } from "../src/pgbouncer";
import { createDatabaseProbe, type DatabaseProbe } from "../src/probe";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let database: TestDatabase;
let bouncer: PgBouncer;
let db: Database;
let probe: DatabaseProbe;

beforeAll(async () => {
  database = await createTestDatabase();
  const upstream = new URL(database.urls.app);
  bouncer = await startPgBouncer({
    upstream: { host: upstream.hostname, port: Number(upstream.port || 5432) },
    users: usersOf([database.urls.app]),
    poolSize: 4,
  });
  const url = bouncer.urlFor(database.urls.app);
  db = createDatabase(url, { poolSize: 1 });
  probe = createDatabaseProbe(url);
});
afterAll(async () => {
  await probe?.close();
  await db?.disconnect();
  await bouncer?.stop();
  await database?.drop();
});

describe("the readiness probe", () => {
  it("answers while every connection of the pool is taken and a query waits for one", async () => {
    await probe.check();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding: () => void = () => {};
    const isHolding = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const held = db.platform.$transaction(
      async (tx) => {
        await tx.$queryRaw`select 1`;
        holding();
        await released;
      },
      { timeout: 20_000 },
    );
    try {
      await isHolding;
      const queued = db.platform.$queryRaw`select 1`.then(() => "pool");
      // The pool's query cannot run before the transaction ends: the probe's answer comes first.
      expect(await Promise.race([probe.check(5_000).then(() => "probe"), queued])).toBe("probe");
      release();
      expect(await queued).toBe("pool");
    } finally {
      release();
      await held;
    }
  });

  it("fails while PgBouncer is away and answers again once it is back, without being made anew", async () => {
    await probe.check();
    const back = bouncer.restart({ downMs: 1_500 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(probe.check(1_000)).rejects.toThrow();
    await back;
    await probe.check(2_000);
  });
});
