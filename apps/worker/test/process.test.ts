import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { enqueue } from "@mentoring/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedis } from "./support";
import { SPAWNED_WORKER_TIMEOUT, startWorkerProcess } from "./worker-process";

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

describe("the worker process", { timeout: SPAWNED_WORKER_TIMEOUT }, () => {
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

  it("serves Prometheus its figures, to the holder of the metrics token alone", async () => {
    const token = "prometheus-scrape-token-0123";
    const worker = startWorkerProcess({
      DATABASE_URL: database.urls.app,
      QUEUE_PREFIX: redis.prefix,
      METRICS_TOKEN: token,
    });
    try {
      const port = (await worker.waitFor("worker started")).healthPort as number;
      const metrics = (authorization?: string) =>
        fetch(`http://127.0.0.1:${port}/metrics`, authorization ? { headers: { authorization } } : {});
      expect((await metrics()).status).toBe(404);
      expect((await metrics("Bearer not-the-token-at-all")).status).toBe(404);

      await enqueue(database.db.platform, "maintenance.purge-outbox", { olderThanDays: 30 });
      await worker.waitFor("job completed");
      // BullMQ tells the worker a job completed just after its handler's "job completed" line: ask again
      // until the figure is there.
      const completed =
        /job_duration_seconds_count\{queue="maintenance",job="maintenance.purge-outbox",outcome="completed"\} 1/;
      let text = "";
      for (let attempt = 0; attempt < 50 && !completed.test(text); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        const answer = await metrics(`Bearer ${token}`);
        expect(answer.status).toBe(200);
        text = await answer.text();
      }
      expect(text).toMatch(completed);
      expect(text).toMatch(/queue_jobs\{queue="maintenance",state="failed"\} 0/);
      expect(text).toMatch(/outbox_backlog\{state="unpublished"\} 0/);
      expect(text).toMatch(/outbox_oldest_unpublished_age_seconds 0/);
      expect(text).toMatch(/db_pool_connections\{state="max"\} \d+/);
    } finally {
      const exited = new Promise((resolve) => worker.child.once("exit", resolve));
      worker.child.kill("SIGTERM");
      await exited;
    }
  });

  it("removes from storage, when it starts, the files of writes and the temporary files of workers killed more than an hour ago", async () => {
    const storageDir = await mkdtemp(path.join(tmpdir(), "worker-start-sweep-"));
    try {
      const batch = path.join(storageDir, "tenants/t1/certificates/b1");
      await mkdir(batch, { recursive: true });
      const old = path.join(batch, "certificates.zip.0123456789ab.partial");
      const recent = path.join(batch, "certificates.zip.ba9876543210.partial");
      await writeFile(path.join(batch, "certificates.zip"), "complete");
      await writeFile(old, "half");
      await writeFile(recent, "half, still being written");
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      await utimes(old, twoHoursAgo, twoHoursAgo);
      // A worksheet an XLSX import spilled to the worker's temporary folder before that worker was killed.
      const spilled = path.join(storageDir, ".tmp", "tmp-4242-a1b2c3");
      await mkdir(path.dirname(spilled), { recursive: true });
      await writeFile(spilled, "<worksheet/>");
      await utimes(spilled, twoHoursAgo, twoHoursAgo);

      const worker = startWorkerProcess({
        DATABASE_URL: database.urls.app,
        QUEUE_PREFIX: redis.prefix,
        STORAGE_DIR: storageDir,
      });
      await worker.waitFor("worker started");
      const exited = new Promise((resolve) => worker.child.once("exit", resolve));
      worker.child.kill("SIGTERM");
      await exited;

      expect((await readdir(batch)).sort()).toEqual([
        "certificates.zip",
        "certificates.zip.ba9876543210.partial",
      ]);
      expect(worker.lines.find((line) => line.msg.startsWith("removed files"))).toMatchObject({ removed: 1 });
      expect(await readdir(path.join(storageDir, ".tmp"))).toEqual([]);
    } finally {
      await rm(storageDir, { recursive: true, force: true });
    }
  });
});
