import { once } from "node:events";
import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import { createDatabaseProbe, type DatabaseProbe } from "@mentoring/db";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { dependencyChecks, READINESS_TIMEOUT_MS } from "@mentoring/jobs";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHealthServer } from "../src/health";
import { testRedis } from "./support";

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  redis = testRedis();
  // The producer connects lazily and refuses commands until then (no offline queue): the worker's has
  // long connected by the time its health server starts.
  if (redis.producer.status !== "ready") await once(redis.producer, "ready");
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
afterAll(async () => {
  await redis?.close();
  await database?.drop();
});

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The app's database URL with its host and port replaced. */
function databaseAt(port: number): string {
  const url = new URL(database.urls.app);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

/**
 * A stuck server (or a PgBouncer whose pool is full): it takes connections and never answers. Its port.
 */
async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const silent: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
  return (silent.address() as AddressInfo).port;
}

/**
 * A worker health server whose /readyz asks `probe` and Redis (the test's, unless another connection is
 * given); its /readyz answer and time.
 */
async function readyz(probe: DatabaseProbe, redisClient: { ping(): Promise<unknown> } = redis.producer) {
  cleanups.push(() => probe.close());
  const server = await startHealthServer("127.0.0.1", 0, {
    live: () => true,
    ready: dependencyChecks(probe, redisClient),
  });
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
  return {
    ms: Date.now() - started,
    status: response.status,
    body: (await response.json()) as { ready: boolean; failures: Record<string, string> },
  };
}

describe("the worker's /readyz", () => {
  it("is ready when PostgreSQL answers on the probe's own connection and Redis answers", async () => {
    const answer = await readyz(createDatabaseProbe(database.urls.app));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ready: true, failures: {} });
  });

  it("is not ready, naming the database, at once when nothing listens at the database's address", async () => {
    const port = await closedPort();
    const answer = await readyz(createDatabaseProbe(databaseAt(port)));
    expect(answer.status).toBe(503);
    expect(answer.body.ready).toBe(false);
    expect(Object.keys(answer.body.failures)).toEqual(["database"]);
    expect(answer.body.failures.database).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
    expect(answer.ms).toBeLessThan(1_000);
  });

  it("is not ready, naming the database, within its timeout when the database takes the connection and never answers", async () => {
    const answer = await readyz(createDatabaseProbe(databaseAt(await silentServer())));
    expect(answer.status).toBe(503);
    expect(Object.keys(answer.body.failures)).toEqual(["database"]);
    expect(answer.ms).toBeGreaterThanOrEqual(READINESS_TIMEOUT_MS - 50);
    expect(answer.ms).toBeLessThan(READINESS_TIMEOUT_MS + 1_500);
  });

  it("is not ready, naming Redis, within its timeout when Redis keeps the connection and stops answering", async () => {
    // The socket is open and nothing comes back: the PING waits, as on a Redis frozen mid-connection.
    const stuck = new Redis({ host: "127.0.0.1", port: await silentServer(), enableReadyCheck: false });
    cleanups.push(async () => stuck.disconnect());
    if (stuck.status !== "connect") await once(stuck, "connect");
    const answer = await readyz(createDatabaseProbe(database.urls.app), stuck);
    expect(answer.status).toBe(503);
    expect(answer.body.failures).toEqual({ redis: `Redis did not answer within ${READINESS_TIMEOUT_MS} ms` });
    expect(answer.ms).toBeLessThan(READINESS_TIMEOUT_MS + 1_500);
  });

  it("is ready again after the database ended the probe's connection: the next check connects anew", async () => {
    const probe = createDatabaseProbe(database.urls.app);
    expect((await readyz(probe)).body).toEqual({ ready: true, failures: {} });

    // A failover or an administrator ends the probe's session (the app role may end its own sessions).
    const ended = await database.db.platform.$queryRaw<{ ended: boolean }[]>`
      select pg_terminate_backend(pid) as ended from pg_stat_activity
      where application_name = 'readiness' and datname = current_database()`;
    expect(ended).toEqual([{ ended: true }]);
    const checks = dependencyChecks(probe, redis.producer);
    // The check that meets the ended connection may fail; it drops it, and the one after it connects again.
    const first = await checks();
    expect(Object.keys(first).filter((name) => name !== "database")).toEqual([]);
    expect(await checks()).toEqual({});
  });
});
