import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedis } from "./support";

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

interface LogLine {
  msg: string;
  [key: string]: unknown;
}

/** Starts the worker exactly as `npm start` would, and collects its JSON log lines. */
function startWorkerProcess(): {
  child: ChildProcess;
  lines: LogLine[];
  waitFor(msg: string): Promise<LogLine>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: {
      ...process.env,
      DATABASE_URL: database.urls.app,
      QUEUE_PREFIX: redis.prefix,
      WORKER_HEALTH_PORT: "0",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: LogLine[] = [];
  const waiters: { msg: string; resolve: (line: LogLine) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    const line = JSON.parse(text) as LogLine;
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.msg === line.msg)) waiter.resolve(line);
  });
  return {
    child,
    lines,
    waitFor: (msg) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => line.msg === msg);
        if (seen) return resolve(seen);
        waiters.push({ msg, resolve });
        child.once("exit", (code) => reject(new Error(`worker exited (${code}) before logging "${msg}"`)));
      }),
  };
}

describe("the worker process", () => {
  it("answers its health checks, and on SIGTERM shuts down cleanly with exit code 0", async () => {
    const worker = startWorkerProcess();
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
