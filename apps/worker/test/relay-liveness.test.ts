import { createDatabase } from "@mentoring/db";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOutboxRelay } from "../src/outbox-relay";
import { eventually, log, testRedis } from "./support";

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

const age = (since: Date) => Date.now() - since.getTime();

describe("the outbox relay's rounds, which the worker's liveness watches", () => {
  it("stop ending while a query does not come back, and end again once it does", async () => {
    const relay = startOutboxRelay({
      db: database.db,
      publisher: redis.queues,
      log,
      batchSize: 100,
      intervalMs: 20,
    });
    const owner = createDatabase(database.urls.owner, { poolSize: 1 });
    try {
      await eventually(
        async () => age(relay.lastRoundAt),
        (ms) => ms < 200,
      );
      // Every query of the relay waits behind this lock, as behind a server that stopped answering.
      await owner.platform.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe("lock table outbox_events in access exclusive mode");
          await eventually(
            async () => age(relay.lastRoundAt),
            (ms) => ms > 1_500,
          );
        },
        { timeout: 20_000 },
      );
      await eventually(
        async () => age(relay.lastRoundAt),
        (ms) => ms < 200,
      );
      expect(relay.lastSuccessAt).not.toBeNull();
    } finally {
      await relay.stop();
      await owner.disconnect();
    }
  });
});
