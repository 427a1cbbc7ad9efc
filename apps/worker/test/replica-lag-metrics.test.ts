// The read replica's lag on the worker's /metrics (packages/db replica-lag.ts), against a real streaming
// replica of the local cluster made for this file (packages/db/src/testing/replica.ts): replay paused and
// a write on the primary, the lag is above 0; replay resumed and caught up, about 0; without a replica,
// the figures are not there.
import { createReplicaLagReader, type ReplicaLagReader } from "@mentoring/db";
import {
  createTestDatabase,
  type StreamingReplica,
  startStreamingReplica,
  type TestDatabase,
} from "@mentoring/db/testing";
import type { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerMetrics } from "../src/metrics";
import { createTenant, testRedis } from "./support";
import { SPAWNED_WORKER_TIMEOUT, startWorkerProcess } from "./worker-process";

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;
let replica: StreamingReplica;
let reader: ReplicaLagReader;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = testRedis();
  replica = await startStreamingReplica();
  reader = createReplicaLagReader(database.urls.app, replica.urlOf(database.urls.app));
}, 120_000);
afterAll(async () => {
  await reader?.close();
  await replica?.stop();
  await redis?.close();
  await database?.drop();
});

/** The worker's registry, with the replica's lag when `replicaLag` is given. */
function workerRegistry(replicaLag?: ReplicaLagReader): Registry {
  return createWorkerMetrics({ db: database.db, queues: redis.queues, queueNames: [], replicaLag }).registry;
}

/** One figure of a scrape of /metrics' text, absent: undefined. */
async function figure(registry: Registry, name: string): Promise<number | undefined> {
  const line = (await registry.metrics()).split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe("the read replica's lag on the worker's /metrics", () => {
  it("is above 0 while replay is paused and the primary writes, and about 0 once the replica has caught up", async () => {
    const registry = workerRegistry(reader);
    // A commit replayed first: the lag in seconds counts from the last one the replica replayed.
    await createTenant(database.db, "worker-replica-lag-replayed");
    await replica.caughtUp();

    await replica.pause();
    try {
      await createTenant(database.db, "worker-replica-lag-paused");
      expect(await figure(registry, "db_replica_up")).toBe(1);
      expect(await figure(registry, "db_replica_replay_lag_seconds")).toBeGreaterThan(0);
      expect(await figure(registry, "db_replica_replay_lag_bytes")).toBeGreaterThan(0);
    } finally {
      await replica.resume();
    }

    await replica.caughtUp();
    // Other test files write to the same cluster meanwhile: asked again until replay has those too.
    let seconds = await figure(registry, "db_replica_replay_lag_seconds");
    for (let attempt = 0; attempt < 50 && !((seconds as number) < 1); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      seconds = await figure(registry, "db_replica_replay_lag_seconds");
    }
    expect(seconds).toBeLessThan(1);
  });

  it(
    "is served by the worker process started with DATABASE_REPLICA_URL",
    async () => {
      const token = "prometheus-scrape-token-replica";
      const worker = startWorkerProcess({
        DATABASE_URL: database.urls.app,
        DATABASE_REPLICA_URL: replica.urlOf(database.urls.app),
        QUEUE_PREFIX: redis.prefix,
        METRICS_TOKEN: token,
      });
      try {
        const port = (await worker.waitFor("worker started")).healthPort as number;
        const answer = await fetch(`http://127.0.0.1:${port}/metrics`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const text = await answer.text();
        expect(text).toMatch(/^db_replica_up 1$/m);
        expect(text).toMatch(/^db_replica_replay_lag_seconds \d/m);
        expect(text).toMatch(/^db_replica_replay_lag_bytes \d/m);
      } finally {
        const exited = new Promise((resolve) => worker.child.once("exit", resolve));
        worker.child.kill("SIGTERM");
        await exited;
      }
    },
    SPAWNED_WORKER_TIMEOUT,
  );

  it("is not there without a replica", async () => {
    const text = await workerRegistry().metrics();
    expect(text).toContain("outbox_backlog");
    expect(text).not.toContain("db_replica");
  });
});
