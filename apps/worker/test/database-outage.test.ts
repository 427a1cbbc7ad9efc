import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { enqueue } from "@mentoring/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, testRedis } from "./support";
import { SPAWNED_WORKER_TIMEOUT, startWorkerProcess } from "./worker-process";

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = testRedis();
});
afterAll(async () => {
  await redis?.close();
  await database?.drop();
});

/**
 * Ends every server process serving `applicationName`, as an administrator or a failover would. The app
 * role may signal its own sessions, which are the worker's.
 */
async function terminateConnections(applicationName: string): Promise<number> {
  const rows = await database.db.platform.$queryRaw<{ ended: boolean }[]>`
    select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = ${applicationName}`;
  return rows.filter((row) => row.ended).length;
}

/** Milliseconds /readyz takes to answer, and what it says. */
async function readiness(port: number) {
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { ms: Date.now() - started, status: response.status };
}

describe("the worker when its database connections are cut", { timeout: SPAWNED_WORKER_TIMEOUT }, () => {
  it("reconnects by itself: it relays every job enqueued meanwhile, stays ready, and still stops at once on SIGTERM", async () => {
    const applicationName = `worker-outage-${redis.prefix}`;
    const url = new URL(database.urls.app);
    url.searchParams.set("application_name", applicationName);
    const worker = startWorkerProcess({ DATABASE_URL: url.toString(), QUEUE_PREFIX: redis.prefix });
    try {
      const port = (await worker.waitFor("worker started")).healthPort as number;
      const enqueueBurst = () =>
        Promise.all(
          Array.from({ length: 20 }, () =>
            database.db.platform.$transaction((tx) =>
              enqueue(tx, "maintenance.purge-outbox", { olderThanDays: 30 }),
            ),
          ),
        );

      for (let round = 0; round < 3; round++) {
        // Cut while the relay is at work on a burst, and again once it has drained.
        const burst = enqueueBurst();
        // The pool opens connections as work needs them: cut as soon as there is one.
        await eventually(
          () => terminateConnections(applicationName),
          (ended) => ended > 0,
        );
        await burst;
        await eventually(
          () => database.db.platform.outboxEvent.count({ where: { publishedAt: null } }),
          (unpublished) => unpublished === 0,
          15_000,
        );
        const ready = await readiness(port);
        expect(ready).toMatchObject({ status: 200 });
        expect(ready.ms).toBeLessThan(1_000);
      }
      expect(await database.db.platform.outboxEvent.count()).toBe(60);
      expect(worker.lines.map((line) => line.msg)).toContain("database connection lost");

      const stopping = Date.now();
      const exited = new Promise<number | null>((resolve) => worker.child.once("exit", resolve));
      worker.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(10_000);
    } finally {
      if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
    }
  });
});
