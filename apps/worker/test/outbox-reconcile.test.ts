import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { withDatabase } from "@mentoring/db/provision";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { enqueue, jobIdOf } from "@mentoring/jobs";
import { UnrecoverableError } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type JobHandlers, handlers as realHandlers } from "../src/jobs";
import { reconcileOutbox, relayBatch, startOutboxRelay } from "../src/outbox-relay";
import { startWorkers } from "../src/runtime";
import { createTenant, eventually, log, noMail, testRedis } from "./support";

const run = promisify(execFile);

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = await createTenant(database.db, "reconcile-city");
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  redis = testRedis();
  await database.db.platform.outboxEvent.deleteMany({});
});
afterEach(async () => {
  await redis.close();
});

const queue = () => redis.queues.get("maintenance");
const outbox = () => database.db.platform.outboxEvent;
const enqueuePurge = (olderThanDays: number) =>
  database.db.withTenant(tenantId, (tx) => enqueue(tx, "maintenance.purge-outbox", { olderThanDays }));

/** What Redis loses when it restarts with nothing on disk: every key of this file's queues. */
async function emptyRedis(): Promise<void> {
  const keys = await redis.producer.keys(`${redis.prefix}:*`);
  if (keys.length > 0) await redis.producer.del(...keys);
}

/** A worker whose purge handler records each delivery, or fails it for good when `fail` says so. */
function recordingWorker(fail: (olderThanDays: number) => boolean = () => false) {
  const deliveries: number[] = [];
  const handlers: JobHandlers = {
    ...realHandlers,
    "maintenance.purge-outbox": async ({ olderThanDays }) => {
      deliveries.push(olderThanDays);
      if (fail(olderThanDays)) throw new UnrecoverableError(`refused ${olderThanDays}`);
    },
  };
  const runtime = startWorkers({
    db: database.db,
    mailer: noMail,
    handlers,
    connection: redis.consumer,
    prefix: redis.prefix,
    concurrency: 5,
    log,
  });
  return { deliveries, runtime };
}

/** Waits a little longer than a repeat would take to show up, so "once" means once. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("the outbox row is the truth until the job's outcome is recorded", () => {
  it("records completion on the row when the job's handler succeeds", async () => {
    const id = await enqueuePurge(7);
    await relayBatch(database.db, redis.queues, 100);
    expect((await outbox().findUniqueOrThrow({ where: { id } })).completedAt).toBeNull();

    const { deliveries, runtime } = recordingWorker();
    const row = await eventually(
      () => outbox().findUniqueOrThrow({ where: { id } }),
      (event) => event.completedAt !== null,
    );
    await runtime.close(1_000);

    expect(deliveries).toEqual([7]);
    expect(row.failedAt).toBeNull();
    expect(row.completedAt?.getTime()).toBeGreaterThanOrEqual(row.publishedAt?.getTime() ?? Infinity);
    // Nothing left for the reconcile step to look at.
    expect(await reconcileOutbox(database.db, redis.queues, { graceMs: 0, batchSize: 100 })).toMatchObject({
      checked: 0,
    });
  });

  it("publishes again, once the grace period is over, a job Redis lost after the relay published it, and the work completes once", async () => {
    const relay = startOutboxRelay({
      db: database.db,
      publisher: redis.queues,
      log,
      batchSize: 100,
      intervalMs: 20,
      reconcileGraceMs: 500,
      reconcileEveryMs: 50,
    });
    try {
      const id = await enqueuePurge(11);
      const published = await eventually(
        () => outbox().findUniqueOrThrow({ where: { id } }),
        (event) => event.publishedAt !== null,
      );
      expect(await redis.queues.jobState("maintenance", jobIdOf(published.jobKey))).toBe("waiting");

      // Redis restarts empty before any worker took the job.
      await emptyRedis();
      expect(await redis.queues.jobState("maintenance", jobIdOf(published.jobKey))).toBe("unknown");

      const republished = await eventually(
        () => outbox().findUniqueOrThrow({ where: { id } }),
        (event) => event.attempts === 2,
      );
      // Not before the grace period: a row just published is given time to show up in Redis.
      const waited = Number(republished.publishedAt) - Number(published.publishedAt);
      expect(waited).toBeGreaterThanOrEqual(500);
      expect(await redis.queues.jobState("maintenance", jobIdOf(published.jobKey))).toBe("waiting");

      const { deliveries, runtime } = recordingWorker();
      await eventually(
        () => outbox().findUniqueOrThrow({ where: { id } }),
        (event) => event.completedAt !== null,
      );
      await settle();
      await runtime.close(1_000);
      expect(deliveries).toEqual([11]);
    } finally {
      await relay.stop();
    }
    expect(await outbox().findMany({ select: { attempts: true } })).toEqual([{ attempts: 2 }]);
  });

  it("leaves alone a job Redis still holds, and records an outcome Redis knows but the row missed", async () => {
    const doneId = await enqueuePurge(2);
    await relayBatch(database.db, redis.queues, 100);
    const { deliveries, runtime } = recordingWorker();
    await eventually(
      () => outbox().findUniqueOrThrow({ where: { id: doneId } }),
      (event) => event.completedAt !== null,
    );
    await runtime.close(1_000);
    // As if the worker's mark had not been written (its database connection dropped at that moment).
    await outbox().update({ where: { id: doneId }, data: { completedAt: null } });
    // And a job published that no worker has taken yet.
    const waitingId = await enqueuePurge(1);
    await relayBatch(database.db, redis.queues, 100);

    expect(await reconcileOutbox(database.db, redis.queues, { graceMs: 0, batchSize: 1 })).toEqual({
      checked: 2,
      republished: 0,
      completed: 1,
      failed: 0,
    });
    expect((await outbox().findUniqueOrThrow({ where: { id: doneId } })).completedAt).not.toBeNull();
    const waiting = await outbox().findUniqueOrThrow({ where: { id: waitingId } });
    expect(waiting).toMatchObject({ completedAt: null, attempts: 1 });
    expect(await queue().getJobCounts("waiting", "completed")).toMatchObject({ waiting: 1, completed: 1 });
    expect(deliveries).toEqual([2]);
  });

  it("keeps a job that failed for good in the failed list and does not publish it again, even after Redis lost it", async () => {
    const id = await enqueuePurge(13);
    await relayBatch(database.db, redis.queues, 100);
    const { deliveries, runtime } = recordingWorker((days) => days === 13);
    const row = await eventually(
      () => outbox().findUniqueOrThrow({ where: { id } }),
      (event) => event.failedAt !== null,
    );
    await runtime.close(1_000);
    expect(row.lastError).toBe("refused 13");
    expect(row.completedAt).toBeNull();
    const failed = await queue().getFailed();
    expect(failed.map((job) => job.id)).toEqual([jobIdOf(row.jobKey)]);

    expect(await reconcileOutbox(database.db, redis.queues, { graceMs: 0, batchSize: 100 })).toMatchObject({
      checked: 0,
      republished: 0,
    });
    await emptyRedis();
    expect(await reconcileOutbox(database.db, redis.queues, { graceMs: 0, batchSize: 100 })).toMatchObject({
      republished: 0,
    });
    expect(await redis.queues.jobState("maintenance", jobIdOf(row.jobKey))).toBe("unknown");
    expect(deliveries).toEqual([13]);
  });

  it("records a final failure the worker did not get to record, from the failed list", async () => {
    const id = await enqueuePurge(17);
    await relayBatch(database.db, redis.queues, 100);
    const { runtime } = recordingWorker(() => true);
    await eventually(
      () => outbox().findUniqueOrThrow({ where: { id } }),
      (event) => event.failedAt !== null,
    );
    await runtime.close(1_000);
    await outbox().update({ where: { id }, data: { failedAt: null } });

    expect(await reconcileOutbox(database.db, redis.queues, { graceMs: 0, batchSize: 100 })).toEqual({
      checked: 1,
      republished: 0,
      completed: 0,
      failed: 1,
    });
    expect((await outbox().findUniqueOrThrow({ where: { id } })).failedAt).not.toBeNull();
  });
});

describe("job ids across a database restore", () => {
  it("runs new work after the database is restored from a backup taken before jobs BullMQ still remembers as completed", async () => {
    const folder = await mkdtemp(join(tmpdir(), "outbox-restore-"));
    const target = withDatabase(database.urls.admin, database.name);
    try {
      // The nightly backup, taken while the outbox is empty.
      const backup = join(folder, "backup.dump");
      await run("pg_dump", ["--format=custom", `--file=${backup}`, target]);

      // After the backup: work done, and remembered by BullMQ as completed.
      const before = await enqueuePurge(21);
      await relayBatch(database.db, redis.queues, 100);
      const first = recordingWorker();
      await eventually(
        () => outbox().findUniqueOrThrow({ where: { id: before } }),
        (event) => event.completedAt !== null,
      );
      await first.runtime.close(1_000);

      // The database is restored from the backup; Redis keeps what it had.
      await run("pg_restore", [
        "--clean",
        "--if-exists",
        "--single-transaction",
        `--dbname=${target}`,
        backup,
      ]);
      expect(await outbox().count()).toBe(0);

      // New work written after the restore takes the same sequence id as the work BullMQ remembers.
      const after = await enqueuePurge(22);
      expect(after).toBe(before);
      await relayBatch(database.db, redis.queues, 100);
      const second = recordingWorker();
      await eventually(
        () => outbox().findUniqueOrThrow({ where: { id: after } }),
        (event) => event.completedAt !== null,
      );
      await second.runtime.close(1_000);
      expect(second.deliveries).toEqual([22]);
      expect((await queue().getCompleted()).length).toBe(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
