import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCertificateBatch, retryCertificateBatch } from "../src/certificates";
import { seedPrograms } from "../src/seed";

let database: SeededTestDatabase;
let db: Database;
let tenantId: string;
let cohortId: string;
let actorUserId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  await db.withTenant(tenantId, async (tx) => {
    cohortId = (await tx.cohort.findFirstOrThrow({ where: { tenantId } })).id;
    actorUserId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId;
  });
}, 120_000);

afterAll(() => database?.drop());

/** A signed batch whose job gave up, as the worker leaves it. */
async function failedBatch(status: "failed" | "draft" = "failed"): Promise<string> {
  const batch = await db.withTenant(tenantId, (tx) =>
    tx.certificateBatch.create({
      data: {
        tenantId,
        cohortId,
        status,
        signerName: "용인시장",
        signerTitle: "시장",
        progress: 40,
        ...(status === "failed" && { error: "worker lost the job too often", failureCode: "job_failed" }),
      },
    }),
  );
  return batch.id;
}

const retry = (batchId: string) =>
  db.withTenant(tenantId, (tx) => retryCertificateBatch(tx, { tenantId, cohortId, batchId, actorUserId }));
const jobsFor = (batchId: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.outboxEvent.count({
      where: { jobName: "certificates.generate", payload: { path: ["batchId"], equals: batchId } },
    }),
  );

describe("retrying a failed certificate batch", () => {
  it("shows the batch generating again, without its failure, and enqueues its job once, audited", async () => {
    const batchId = await failedBatch();
    expect(await retry(batchId)).toEqual({ retried: true });
    const view = await db.withTenant(tenantId, (tx) => getCertificateBatch(tx, { tenantId, batchId }));
    expect(view).toMatchObject({ status: "generating", progress: 0, failureCode: null });
    expect(await jobsFor(batchId)).toBe(1);
    const audits = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.count({ where: { tenantId, action: "certificate_batch.retry", entityId: batchId } }),
    );
    expect(audits).toBe(1);
  });

  it("starts one job when pressed twice, one after the other or both at once", async () => {
    const oneAfterTheOther = await failedBatch();
    expect(await retry(oneAfterTheOther)).toEqual({ retried: true });
    expect(await retry(oneAfterTheOther)).toEqual({ retried: false });
    expect(await jobsFor(oneAfterTheOther)).toBe(1);

    const atOnce = await failedBatch();
    const answers = await Promise.all([retry(atOnce), retry(atOnce)]);
    expect(answers.map((answer) => answer.retried).sort()).toEqual([false, true]);
    expect(await jobsFor(atOnce)).toBe(1);
  });

  it("refuses a batch that is not signed yet, or is not the cohort's", async () => {
    const draft = await failedBatch("draft");
    await expect(retry(draft)).rejects.toSatisfy((error) => isAppError(error, "certificate.not_signed"));
    await expect(retry("00000000-0000-4000-8000-000000000000")).rejects.toSatisfy((error) =>
      isAppError(error, "certificate.batch_not_found"),
    );
    expect(await jobsFor(draft)).toBe(0);
  });
});
