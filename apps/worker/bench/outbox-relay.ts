// Throughput of the transactional outbox: enqueueing inside tenant transactions, and relaying to BullMQ.
// Usage: npm run bench -w @mentoring/worker
import { performance } from "node:perf_hooks";
import { cliProgress } from "@mentoring/db/cli-progress";
import { createTestDatabase } from "@mentoring/db/testing";
import { enqueue } from "@mentoring/jobs";
import { reconcileOutbox, relayBatch } from "../src/outbox-relay";
import { createTenant, testRedis } from "../test/support";

const EVENTS = 20_000;
const PER_TRANSACTION = 100;

const database = await createTestDatabase();
const redis = testRedis();
try {
  const tenantId = await createTenant(database.db, "bench-city");
  const rows: Record<string, string | number>[] = [];

  const enqueued = cliProgress("enqueue", EVENTS);
  let started = performance.now();
  for (let done = 0; done < EVENTS; done += PER_TRANSACTION) {
    await database.db.withTenant(tenantId, async (tx) => {
      for (let i = 0; i < PER_TRANSACTION; i++)
        await enqueue(tx, "maintenance.purge-outbox", { olderThanDays: 30 });
    });
    enqueued(done + PER_TRANSACTION);
  }
  let seconds = (performance.now() - started) / 1000;
  rows.push({
    step: `enqueue (${PER_TRANSACTION} per transaction)`,
    events: EVENTS,
    seconds: seconds.toFixed(2),
    "events/s": Math.round(EVENTS / seconds),
  });

  for (const batchSize of [100, 500]) {
    if (batchSize !== 100) {
      await database.db.platform.$executeRaw`update outbox_events set published_at = null`;
      await redis.queues.get("maintenance").obliterate({ force: true });
    }
    started = performance.now();
    let relayed = 0;
    const relaying = cliProgress(`relay (batch ${batchSize})`, EVENTS);
    for (;;) {
      const published = await relayBatch(database.db, redis.queues, batchSize);
      if (published === 0) break;
      relayed += published;
      relaying(relayed);
    }
    seconds = (performance.now() - started) / 1000;
    rows.push({
      step: `relay to BullMQ (batch ${batchSize})`,
      events: relayed,
      seconds: seconds.toFixed(2),
      "events/s": Math.round(relayed / seconds),
    });
  }

  // The reconcile step's worst case: every row published and still open (no worker ran), each checked
  // against Redis; then Redis loses them all and every one is published again.
  for (const lost of [false, true]) {
    if (lost) await redis.queues.get("maintenance").obliterate({ force: true });
    started = performance.now();
    const result = await reconcileOutbox(database.db, redis.queues, { graceMs: 0, batchSize: 500 });
    seconds = (performance.now() - started) / 1000;
    rows.push({
      step: lost ? "reconcile, jobs lost (republished)" : "reconcile, jobs waiting (left alone)",
      events: lost ? result.republished : result.checked,
      seconds: seconds.toFixed(2),
      "events/s": Math.round(result.checked / seconds),
    });
  }
  console.table(rows);
} finally {
  await redis.close();
  await database.drop();
}
