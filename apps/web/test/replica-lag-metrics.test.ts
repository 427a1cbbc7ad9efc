// The read replica's lag on the web's /metrics (packages/db replica-lag.ts), against a real streaming
// replica of the local cluster made for this file (packages/db/src/testing/replica.ts): replay paused and
// a write on the primary, the lag is above 0 and grows; replay resumed, it comes back to about 0; the
// replica away, it is reported down; without a replica, the figures are not there at all.
import { createReplicaLagReader, type ReplicaLagReader } from "@mentoring/db";
import {
  createTestDatabase,
  type StreamingReplica,
  startStreamingReplica,
  type TestDatabase,
} from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebMetrics, type WebMetrics } from "../app/services/metrics.server";

let database: TestDatabase;
let replica: StreamingReplica;
let reader: ReplicaLagReader;
let metrics: WebMetrics;
const idlePool = () => ({ max: 4, open: 0, idle: 0, waiting: 0 });

beforeAll(async () => {
  database = await createTestDatabase();
  replica = await startStreamingReplica();
  reader = createReplicaLagReader(database.urls.app, replica.urlOf(database.urls.app));
  metrics = createWebMetrics([], idlePool, reader);
}, 120_000);
afterAll(async () => {
  await reader?.close();
  await replica?.stop();
  await database?.drop();
});

/** The replica's figures of one scrape of /metrics' text. */
async function scrape(registry = metrics.registry) {
  const text = await registry.metrics();
  const figure = (name: string) => {
    const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.slice(name.length + 1));
  };
  return {
    up: figure("db_replica_up"),
    seconds: figure("db_replica_replay_lag_seconds"),
    bytes: figure("db_replica_replay_lag_bytes"),
  };
}

/** Scrapes until `done` holds (other test files write to the same cluster meanwhile). */
async function scrapeUntil(done: (figures: Awaited<ReturnType<typeof scrape>>) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const figures = await scrape();
    if (done(figures) || Date.now() > deadline) return figures;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A committed write on the primary: a new organisation. */
async function writeOnPrimary(slug: string) {
  await database.db.platform.tenant.create({
    data: { slug, name: slug, kind: "basic_government", region: "강원특별자치도", status: "active" },
  });
}

describe("the read replica's lag on /metrics", () => {
  it("is about 0 while the replica replays, above 0 and growing once replay is paused and the primary writes, and about 0 again once resumed", async () => {
    // A commit replayed: the lag in seconds counts from the last one (none yet on a new replica: unknown).
    await writeOnPrimary("replica-lag-replayed");
    await replica.caughtUp();
    const before = await scrapeUntil((figures) => (figures.seconds as number) < 1);
    expect(before.up).toBe(1);
    expect(before.seconds).toBeLessThan(1);

    await replica.pause();
    try {
      await writeOnPrimary("replica-lag-paused");
      const paused = await scrape();
      expect(paused.up).toBe(1);
      expect(paused.seconds).toBeGreaterThan(0);
      expect(paused.bytes).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const later = await scrape();
      // Seconds since the last commit the replica replayed: that commit is fixed while replay is paused.
      expect(later.seconds).toBeGreaterThanOrEqual((paused.seconds as number) + 1);
      expect(later.bytes).toBeGreaterThanOrEqual(paused.bytes as number);
    } finally {
      await replica.resume();
    }

    await replica.caughtUp();
    const resumed = await scrapeUntil((figures) => (figures.seconds as number) < 1);
    expect(resumed.up).toBe(1);
    expect(resumed.seconds).toBeLessThan(1);
    // Other test files write to the same cluster: a few records may be on their way, no more.
    expect(resumed.bytes).toBeLessThan(1024 * 1024);
  });

  it("says the replica is down, within the timeout, and no lag figure, once the replica is away", async () => {
    const away = createReplicaLagReader(database.urls.app, replica.urlOf(database.urls.app));
    try {
      await replica.stop();
      const started = Date.now();
      const figures = await scrape(createWebMetrics([], idlePool, away).registry);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(figures.up).toBe(0);
      expect(figures.seconds).toBeNaN();
      expect(figures.bytes).toBeNaN();
    } finally {
      await away.close();
    }
  });

  it("is not on /metrics when no replica is configured", async () => {
    const text = await createWebMetrics([], idlePool).registry.metrics();
    expect(text).toContain("db_pool_connections");
    expect(text).not.toContain("db_replica");
  });
});
