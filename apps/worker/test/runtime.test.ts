import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobHandlers } from "../src/jobs";
import { handlers as realHandlers } from "../src/jobs";
import { startWorkers } from "../src/runtime";
import { eventually, log, noMail, testRedis } from "./support";

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(() => {
  redis = testRedis();
});
afterEach(async () => {
  await redis.close();
});

const queue = () => redis.queues.get("maintenance");
const start = (handlers: JobHandlers) =>
  startWorkers({
    db: database.db,
    mailer: noMail,
    handlers,
    connection: redis.consumer,
    prefix: redis.prefix,
    concurrency: 2,
    log,
  });

describe("worker runtime", () => {
  it("fails a job with a malformed payload at once, without retries, keeping the reason in the failed list", async () => {
    const runtime = start(realHandlers);
    const job = await queue().add("maintenance.purge-outbox", { olderThanDays: "soon" });
    await eventually(
      () => job.getState(),
      (state) => state === "failed",
    );
    await runtime.close(1_000);

    const failed = await queue().getJob(job.id as string);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/olderThanDays/);
  });

  it("keeps in Redis a shortened reason when a job fails with a huge message, and retries it as usual", async () => {
    const runtime = start({
      ...realHandlers,
      "maintenance.purge-outbox": async () => {
        throw new Error(`Invalid \`prisma.matchingRun.update()\` invocation: ${"x".repeat(5_000_000)}`);
      },
    });
    const job = await queue().add(
      "maintenance.purge-outbox",
      { olderThanDays: 30 },
      { attempts: 2, backoff: { type: "fixed", delay: 10 } },
    );
    await eventually(
      () => job.getState(),
      (state) => state === "failed",
    );
    await runtime.close(1_000);

    const failed = await queue().getJob(job.id as string);
    expect(failed?.attemptsMade).toBe(2);
    expect(failed?.failedReason).toMatch(
      /^Invalid `prisma.matchingRun.update\(\)` invocation: x+… \(5000\d{3} characters\)$/,
    );
    expect(failed?.failedReason.length).toBeLessThan(2_100);
    expect(JSON.stringify(failed?.stacktrace).length).toBeLessThan(5_000);
  });

  it("lets an active job finish when the worker shuts down", async () => {
    let finished = false;
    const runtime = start({
      ...realHandlers,
      "maintenance.purge-outbox": async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        finished = true;
      },
    });
    const job = await queue().add("maintenance.purge-outbox", { olderThanDays: 1 });
    await eventually(
      () => job.getState(),
      (state) => state === "active",
    );

    await runtime.close(5_000);
    expect(finished).toBe(true);
    expect(await job.getState()).toBe("completed");
  });

  it("releases a job still running after the grace period, and the next worker completes it", async () => {
    let runs = 0;
    const slowThenFast: JobHandlers = {
      ...realHandlers,
      "maintenance.purge-outbox": async (_payload, { signal }) => {
        runs++;
        if (runs === 1) await new Promise((resolve) => signal.addEventListener("abort", resolve));
      },
    };
    const first = start(slowThenFast);
    const job = await queue().add("maintenance.purge-outbox", { olderThanDays: 1 });
    await eventually(
      () => job.getState(),
      (state) => state === "active",
    );

    await first.close(200);
    expect(await job.getState()).toBe("waiting");

    const second = start(slowThenFast);
    await eventually(
      () => job.getState(),
      (state) => state === "completed",
    );
    await second.close(1_000);
    expect(runs).toBe(2);
    expect((await queue().getJob(job.id as string))?.failedReason).toBeUndefined();
  });
});

describe("purging the outbox", () => {
  it("deletes events whose outcome was recorded more than the given days ago, keeps the rest (however old, when no outcome is recorded), the same when run twice", async () => {
    const day = 24 * 3600 * 1000;
    const ago = (days: number) => new Date(Date.now() - days * day);
    await database.db.platform.outboxEvent.createMany({
      data: [
        { queue: "maintenance", jobName: "x", payload: {}, publishedAt: ago(41), completedAt: ago(40) },
        { queue: "maintenance", jobName: "x", payload: {}, publishedAt: ago(32), failedAt: ago(31) },
        { queue: "maintenance", jobName: "x", payload: {}, publishedAt: ago(3), completedAt: ago(2) },
        // Published long ago and never completed: still owed, so kept.
        { queue: "maintenance", jobName: "x", payload: {}, publishedAt: ago(40) },
        { queue: "maintenance", jobName: "x", payload: {} },
      ],
    });
    const progress: number[] = [];
    const context = {
      db: database.db,
      log,
      mailer: noMail,
      progress: async (percent: number) => {
        progress.push(percent);
      },
      signal: new AbortController().signal,
    };

    expect(await realHandlers["maintenance.purge-outbox"]({ olderThanDays: 30 }, context)).toEqual({
      deleted: 2,
    });
    expect(await realHandlers["maintenance.purge-outbox"]({ olderThanDays: 30 }, context)).toEqual({
      deleted: 0,
    });
    expect(await database.db.platform.outboxEvent.count()).toBe(3);
    expect(progress.at(-1)).toBe(100);
  });
});
