import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { enqueue, jobIdOf, producerConnection, Queues } from "@mentoring/jobs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type JobHandlers, handlers as realHandlers } from "../src/jobs";
import { type JobPublisher, relayBatch } from "../src/outbox-relay";
import { startWorkers } from "../src/runtime";
import { createTenant, eventually, log, noMail, testRedis } from "./support";

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = await createTenant(database.db, "outbox-city");
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

async function jobIds() {
  const jobs = await queue().getJobs(["waiting", "active", "completed", "failed", "delayed"]);
  return jobs.map((job) => job.id).sort();
}

/** A worker whose handler records each delivery, to tell "delivered once" from "delivered twice". */
function recordingWorker() {
  const deliveries: number[] = [];
  const handlers: JobHandlers = {
    ...realHandlers,
    "maintenance.purge-outbox": async ({ olderThanDays }) => {
      deliveries.push(olderThanDays);
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

describe("outbox relay", () => {
  it("delivers a job enqueued in a committed transaction", async () => {
    const outboxId = await database.db.withTenant(tenantId, (tx) =>
      enqueue(tx, "maintenance.purge-outbox", { olderThanDays: 7 }),
    );

    expect(await relayBatch(database.db, redis.queues, 100)).toBe(1);
    const { deliveries, runtime } = recordingWorker();
    await eventually(
      async () => deliveries.length,
      (n) => n === 1,
    );
    await runtime.close(1_000);

    expect(deliveries).toEqual([7]);
    const row = await database.db.platform.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } });
    expect(await jobIds()).toEqual([jobIdOf(row.jobKey)]);
    expect(row.publishedAt).not.toBeNull();
  });

  it("never delivers a job whose transaction rolled back", async () => {
    await expect(
      database.db.withTenant(tenantId, async (tx) => {
        await enqueue(tx, "maintenance.purge-outbox", { olderThanDays: 7 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(await relayBatch(database.db, redis.queues, 100)).toBe(0);
    expect(await jobIds()).toEqual([]);
  });

  it("refuses a job whose payload breaks its schema, and writes nothing", async () => {
    await expect(
      database.db.withTenant(tenantId, (tx) =>
        enqueue(tx, "maintenance.purge-outbox", { olderThanDays: -1 } as never),
      ),
    ).rejects.toThrow(/olderThanDays/);
    expect(await database.db.platform.outboxEvent.count()).toBe(0);
  });

  it("delivers everything once in effect when stopped mid-batch and restarted", async () => {
    const ids = await database.db.withTenant(tenantId, async (tx) => {
      const created: bigint[] = [];
      for (let days = 1; days <= 10; days++)
        created.push(await enqueue(tx, "maintenance.purge-outbox", { olderThanDays: days }));
      return created;
    });

    // The relay dies after BullMQ has accepted 4 of the 10 jobs, before it marks anything published.
    const dyingPublisher: JobPublisher = {
      async addBulk(name, jobs) {
        await redis.queues.addBulk(name, jobs.slice(0, 4));
        throw new Error("relay killed mid-batch");
      },
    };
    await expect(relayBatch(database.db, dyingPublisher, 100)).rejects.toThrow("relay killed mid-batch");
    expect(await database.db.platform.outboxEvent.count({ where: { publishedAt: null } })).toBe(10);

    // Restarted, it publishes the whole batch again; the 4 already in Redis are recognised by their ids.
    expect(await relayBatch(database.db, redis.queues, 100)).toBe(10);
    expect(await relayBatch(database.db, redis.queues, 100)).toBe(0);
    const rows = await database.db.platform.outboxEvent.findMany({ where: { id: { in: ids } } });
    expect(await jobIds()).toEqual(rows.map((row) => jobIdOf(row.jobKey)).sort());

    const { deliveries, runtime } = recordingWorker();
    await eventually(
      async () => deliveries.length,
      (n) => n >= 10,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runtime.close(1_000);
    expect(deliveries.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps the work when Redis is unreachable, and relays it once Redis is back", async () => {
    await database.db.withTenant(tenantId, (tx) =>
      enqueue(tx, "maintenance.purge-outbox", { olderThanDays: 3 }),
    );
    const unreachable = producerConnection("redis://127.0.0.1:1", {
      retryStrategy: () => null,
      lazyConnect: true,
    });
    unreachable.on("error", () => {});
    const deadQueues = new Queues(unreachable, redis.prefix);

    await expect(relayBatch(database.db, deadQueues, 100)).rejects.toThrow();
    expect(await database.db.platform.outboxEvent.count({ where: { publishedAt: null } })).toBe(1);
    unreachable.disconnect();

    expect(await relayBatch(database.db, redis.queues, 100)).toBe(1);
    expect((await jobIds()).length).toBe(1);
  });
});
