import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedis } from "./support";
import { startWorkerProcess } from "./worker-process";

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

describe("the worker process", () => {
  it("answers its health checks, and on SIGTERM shuts down cleanly with exit code 0", async () => {
    const worker = startWorkerProcess({ DATABASE_URL: database.urls.app, QUEUE_PREFIX: redis.prefix });
    const started = await worker.waitFor("worker started");
    const port = started.healthPort as number;

    const live = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, failures: {} });

    const exited = new Promise<number | null>((resolve) => worker.child.once("exit", resolve));
    worker.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(worker.lines.map((line) => line.msg)).toContain("shutdown complete");
  });
});
