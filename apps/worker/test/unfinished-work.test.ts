import { randomUUID } from "node:crypto";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { WORK_LEASE_MS } from "@mentoring/domain";
import { enqueue, type JobName, type QueueName } from "@mentoring/jobs";
import { seedPrograms } from "@mentoring/programs/seed";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/jobs";
import { failStaleWorkAt } from "../src/jobs/fail-stale-work";
import { startWorkers } from "../src/runtime";
import { eventually, log, noMail, testRedis } from "./support";

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let cohortId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
  tenantId = tenant.id;
  const cohort = await db.withTenant(tenantId, (tx) => tx.cohort.findFirstOrThrow({ where: { tenantId } }));
  cohortId = cohort.id;
}, 120_000);

afterAll(() => database?.drop());

/** A batch shown as generating, as signing leaves it, with its job enqueued. */
async function generatingBatch(): Promise<string> {
  return db.withTenant(tenantId, async (tx) => {
    const batch = await tx.certificateBatch.create({
      data: { tenantId, cohortId, status: "generating", signerName: "용인시장", signerTitle: "시장" },
    });
    await enqueue(tx, "certificates.generate", { tenantId, batchId: batch.id });
    return batch.id;
  });
}

/** An import shown as validating or applying, with that job enqueued. */
async function importUnderWay(status: "validating" | "applying"): Promise<string> {
  return db.withTenant(tenantId, async (tx) => {
    const created = await tx.directoryImport.create({
      data: { id: randomUUID(), tenantId, fileName: "직원.csv", format: "csv", status },
    });
    await enqueue(tx, status === "applying" ? "directory.apply" : "directory.validate", {
      tenantId,
      importId: created.id,
    });
    return created.id;
  });
}

async function runningMatchingRun(): Promise<string> {
  return db.withTenant(tenantId, async (tx) => {
    const last = await tx.matchingRun.aggregate({ where: { tenantId, cohortId }, _max: { number: true } });
    const run = await tx.matchingRun.create({
      data: { tenantId, cohortId, number: (last._max.number ?? 0) + 1, status: "running", problem: {} },
    });
    await enqueue(tx, "matching.run", { tenantId, runId: run.id });
    return run.id;
  });
}

const batchOf = (id: string) =>
  db.withTenant(tenantId, (tx) => tx.certificateBatch.findFirstOrThrow({ where: { tenantId, id } }));
const importOf = (id: string) =>
  db.withTenant(tenantId, (tx) => tx.directoryImport.findFirstOrThrow({ where: { tenantId, id } }));
const runOf = (id: string) =>
  db.withTenant(tenantId, (tx) => tx.matchingRun.findFirstOrThrow({ where: { tenantId, id } }));

/** Runs one queue with a handler that gives its job up at once, as BullMQ does when a worker died too often. */
async function failForGood<N extends JobName>(
  queue: QueueName,
  name: N,
  payload: object,
): Promise<() => Promise<void>> {
  const redis = testRedis();
  const runtime = startWorkers({
    db,
    mailer: noMail,
    handlers: {
      ...handlers,
      [name]: async () => {
        throw new UnrecoverableError("worker lost the job too often");
      },
    },
    connection: redis.consumer,
    prefix: redis.prefix,
    concurrency: 1,
    queues: [queue],
    log,
  });
  await redis.queues.get(queue).add(name, payload);
  return async () => {
    await runtime.close(1_000);
    await redis.close();
  };
}

describe("work whose job fails for good", () => {
  it("marks a generating certificate batch failed, with the reason, for the page to offer a retry", async () => {
    const batchId = await generatingBatch();
    const stop = await failForGood("certificates", "certificates.generate", { tenantId, batchId });
    try {
      const batch = await eventually(
        () => batchOf(batchId),
        (stored) => stored.status !== "generating",
      );
      expect([batch.status, batch.failureCode, batch.error]).toEqual([
        "failed",
        "job_failed",
        "worker lost the job too often",
      ]);
    } finally {
      await stop();
    }
  });

  it("marks an applying directory import failed, with the reason", async () => {
    const importId = await importUnderWay("applying");
    const stop = await failForGood("directory", "directory.apply", { tenantId, importId });
    try {
      const found = await eventually(
        () => importOf(importId),
        (stored) => stored.status !== "applying",
      );
      expect([found.status, found.failureCode, found.error]).toEqual([
        "failed",
        "job_failed",
        "worker lost the job too often",
      ]);
    } finally {
      await stop();
    }
  });

  it("marks a validating directory import failed, with the reason", async () => {
    const importId = await importUnderWay("validating");
    const stop = await failForGood("directory", "directory.validate", { tenantId, importId });
    try {
      const found = await eventually(
        () => importOf(importId),
        (stored) => stored.status !== "validating",
      );
      expect([found.status, found.failureCode, found.error]).toEqual([
        "failed",
        "job_failed",
        "worker lost the job too often",
      ]);
    } finally {
      await stop();
    }
  });
});

describe("the stale-work sweep (maintenance.fail-stale-work)", () => {
  const sweep = () =>
    failStaleWorkAt(() => new Date())(
      {},
      { db, log, mailer: noMail, signal: new AbortController().signal, progress: async () => {} },
    );
  /** As if the row last changed longer ago than the lease. */
  const ageBeyondLease = (table: "certificate_batches" | "directory_imports" | "matching_runs", id: string) =>
    db.withTenant(tenantId, (tx) =>
      tx.$executeRawUnsafe(
        `update ${table} set updated_at = now() - make_interval(secs => $1) where id = $2::uuid`,
        WORK_LEASE_MS / 1_000 + 60,
        id,
      ),
    );
  /** As the worker records a job that failed for good, without its final-failure handler having run. */
  const jobFailed = (payloadKey: string, id: string) =>
    db.platform.$executeRaw`
      update outbox_events set failed_at = now(), last_error = 'gave up'
      where payload->>${payloadKey} = ${id}`;

  it("fails work that showed no progress for longer than the lease as stalled, and leaves recent work alone", async () => {
    const staleBatch = await generatingBatch();
    const freshBatch = await generatingBatch();
    const staleImport = await importUnderWay("applying");
    const staleRun = await runningMatchingRun();
    await ageBeyondLease("certificate_batches", staleBatch);
    await ageBeyondLease("directory_imports", staleImport);
    await ageBeyondLease("matching_runs", staleRun);

    await sweep();

    expect(await batchOf(staleBatch)).toMatchObject({ status: "failed", failureCode: "stalled" });
    expect(await batchOf(freshBatch)).toMatchObject({ status: "generating", failureCode: null });
    expect(await importOf(staleImport)).toMatchObject({ status: "failed", failureCode: "stalled" });
    const run = await runOf(staleRun);
    expect(run).toMatchObject({ status: "failed", failureCode: "stalled" });
    expect(run.finishedAt).not.toBeNull();
  });

  it("fails recent work at once when its newest job failed for good", async () => {
    const batchId = await generatingBatch();
    const importId = await importUnderWay("validating");
    await jobFailed("batchId", batchId);
    await jobFailed("importId", importId);

    await sweep();

    expect(await batchOf(batchId)).toMatchObject({ status: "failed", failureCode: "job_failed" });
    expect(await importOf(importId)).toMatchObject({ status: "failed", failureCode: "job_failed" });
  });

  it("leaves work alone whose failed job was followed by a retry still owed", async () => {
    const batchId = await generatingBatch();
    await jobFailed("batchId", batchId);
    await db.withTenant(tenantId, (tx) => enqueue(tx, "certificates.generate", { tenantId, batchId }));

    await sweep();

    expect(await batchOf(batchId)).toMatchObject({ status: "generating", failureCode: null });
  });
});
