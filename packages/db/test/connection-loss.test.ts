import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../src/database";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let database: TestDatabase;
let db: Database;
const applicationName = "connection-loss-test";
const lost: Error[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const url = new URL(database.urls.app);
  url.searchParams.set("application_name", applicationName);
  db = createDatabase(url.toString(), { poolSize: 4, onConnectionError: (error) => lost.push(error) });
});
afterAll(async () => {
  await db?.disconnect();
  await database?.drop();
});

/** Ends every connection of `db`, as an administrator or a failover would. */
async function endConnections(): Promise<number> {
  const rows = await database.db.platform.$queryRaw<{ ended: boolean }[]>`
    select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = ${applicationName}`;
  return rows.filter((row) => row.ended).length;
}

describe("a connection the server ends", () => {
  it("while a transaction holds it between two queries fails that transaction alone; the process lives on and the next query reconnects", async () => {
    const transaction = db.platform.$transaction(async (tx) => {
      await tx.$queryRaw`select 1`;
      expect(await endConnections()).toBeGreaterThan(0);
      // The server's goodbye arrives while no query is running on the connection.
      await sleep(200);
      await tx.$queryRaw`select 1`;
    });
    await expect(transaction).rejects.toThrow();
    expect(lost.length).toBeGreaterThan(0);
    expect(await db.platform.$queryRaw`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it("over and over under load loses only the work in flight: afterwards every query answers", async () => {
    const load = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? db.platform.$queryRaw`select pg_sleep(0.01)`
        : db.platform.$transaction(async (tx) => {
            await tx.$queryRaw`select 1`;
            await sleep(5);
            await tx.$queryRaw`select 2`;
          }),
    );
    const cuts = (async () => {
      for (let round = 0; round < 10; round++) {
        await endConnections();
        await sleep(15);
      }
    })();
    const outcomes = await Promise.allSettled([...load, cuts]);
    expect(outcomes.at(-1)?.status).toBe("fulfilled");
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => db.platform.$queryRaw`select 1 as one`),
    );
    expect(answers).toEqual(Array.from({ length: 8 }, () => [{ one: 1 }]));
  });
});
