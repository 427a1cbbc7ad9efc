import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type JobHandlers, handlers as realHandlers } from "../src/jobs";
import type { Logger } from "../src/logger";
import { MAX_STALLED_COUNT, startWorkers } from "../src/runtime";
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

/** Starts a worker process that takes the next maintenance job and hangs; resolves once it has taken one. */
async function takeAndDie(): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/stalling-worker.ts", redis.prefix], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, DATABASE_URL: database.urls.app },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = once(child, "exit");
  try {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    for await (const line of lines) if (line === "taken") break;
  } finally {
    // Killed as the kernel's OOM killer or a lost machine would: no shutdown, no lock released.
    child.kill("SIGKILL");
    await exited;
  }
}

/** A logger that keeps what it was told, to check what the log says about a job. */
function recordingLog(): { log: Logger; lines: { level: string; msg: string; final?: boolean }[] } {
  const lines: { level: string; msg: string; final?: boolean }[] = [];
  const keep =
    (level: string) =>
    (fields: object | string, msg?: string): void => {
      if (typeof fields === "string") lines.push({ level, msg: fields });
      else lines.push({ level, msg: msg ?? "", ...(fields as { final?: boolean }) });
    };
  const recorder = {
    ...log,
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    debug: () => {},
    child: () => recorder,
  } as unknown as Logger;
  return { log: recorder, lines };
}

describe("a job whose worker is killed", () => {
  it(`survives two worker deaths and completes on the next worker (maxStalledCount ${MAX_STALLED_COUNT})`, async () => {
    const job = await queue().add("maintenance.purge-outbox", { olderThanDays: 9 });

    await takeAndDie();
    await takeAndDie();

    let runs = 0;
    const recorder = recordingLog();
    const handlers: JobHandlers = {
      ...realHandlers,
      "maintenance.purge-outbox": async () => {
        runs++;
      },
    };
    const runtime = startWorkers({
      db: database.db,
      mailer: noMail,
      handlers,
      connection: redis.consumer,
      prefix: redis.prefix,
      concurrency: 1,
      queues: ["maintenance"],
      log: recorder.log,
      lockDurationMs: 1_000,
      stalledIntervalMs: 500,
    });
    const state = await eventually(
      () => job.getState(),
      (value) => value === "completed" || value === "failed",
      15_000,
    );
    await runtime.close(1_000);

    expect(state).toBe("completed");
    expect(runs).toBe(1);
    expect(recorder.lines.filter((line) => line.msg.startsWith("job stalled")).length).toBeGreaterThanOrEqual(
      1,
    );
    expect(recorder.lines.filter((line) => line.level === "error")).toEqual([]);
  }, 60_000);

  it("is reported as failed for good, not as about to be retried, once it stalled more than the limit", async () => {
    const job = await queue().add("maintenance.purge-outbox", { olderThanDays: 9 });
    // As BullMQ leaves a job that stalled too often: its next pick-up fails it at once.
    await redis.producer.hset(
      `${redis.prefix}:maintenance:${job.id}`,
      "defa",
      "job stalled more than allowable limit",
    );

    const recorder = recordingLog();
    const runtime = startWorkers({
      db: database.db,
      mailer: noMail,
      handlers: realHandlers,
      connection: redis.consumer,
      prefix: redis.prefix,
      concurrency: 1,
      queues: ["maintenance"],
      log: recorder.log,
    });
    await eventually(
      () => job.getState(),
      (value) => value === "failed",
    );
    await runtime.close(1_000);

    const failures = recorder.lines.filter((line) => line.msg.startsWith("job failed"));
    expect(failures).toEqual([
      expect.objectContaining({
        level: "error",
        final: true,
        msg: "job failed for good: it stays in the failed list",
      }),
    ]);
  });
});
