import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/database";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let database: TestDatabase;
let db: Database;
const applicationName = "pool-settings-test";

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.urls.app);
  url.searchParams.set("application_name", applicationName);
  db = createDatabase(url.toString(), { poolSize: 3, idleSeconds: 1 });
});
afterAll(async () => {
  await db?.disconnect();
  await database?.drop();
});

/** The pool's connections as PostgreSQL sees them. */
async function connectionsOpen(): Promise<number> {
  const [row] = await database.db.platform.$queryRaw<{ open: number }[]>`
    select count(*)::int as open from pg_stat_activity where application_name = ${applicationName}`;
  return row?.open ?? 0;
}

describe("a process's database pool, as configured (DATABASE_POOL_SIZE, DATABASE_POOL_IDLE_SECONDS)", () => {
  it("opens as many connections as its size under load, no more, and closes them once idle that long", async () => {
    let most = 0;
    const watching = (async () => {
      for (let i = 0; i < 20; i++) {
        most = Math.max(most, await connectionsOpen());
        await sleep(20);
      }
    })();
    await Promise.all(Array.from({ length: 12 }, () => db.platformSql.query("select pg_sleep(0.1)")));
    await watching;
    expect(most).toBe(3);
    expect(db.poolUse().max).toBe(3);

    await sleep(1_500);
    expect(await connectionsOpen()).toBe(0);
    expect(db.poolUse().open).toBe(0);
  });
});
