// A cohort's certificates page against a real database, called as Remix would call it: a batch whose job
// failed shows why in words (never the database's error text) and "다시 시도" re-enqueues its files, once
// however often it is pressed.
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { seedPrograms } from "@mentoring/programs/seed";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../app/routes/$tenant.programs.cohorts.$cohortId.certificates";
import type { Services } from "../app/services/services.server";
import { servicesWithoutRedis, signedInBrowser } from "./requests";

let testDb: TestDatabase;
let services: Services;
let tenantId: string;
let cohortId: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  testDb = await createSeededTestDatabase();
  const { db } = testDb;
  await seedPrograms(db);
  services = servicesWithoutRedis(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const coordinator = await db.withTenant(tenantId, async (tx) => {
    cohortId = (await tx.cohort.findFirstOrThrow({ where: { tenantId } })).id;
    return tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } });
  });
  ({ cookie, csrf } = await signedInBrowser(services, coordinator.userId));
}, 120_000);

afterAll(() => testDb?.drop());

const context = () => ({ services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" });
const page = () => `http://127.0.0.1/yongin/programs/cohorts/${cohortId}/certificates`;

/** A signed batch whose job gave up, with the database's reason on the row. */
async function failedBatch(): Promise<string> {
  const batch = await testDb.db.withTenant(tenantId, (tx) =>
    tx.certificateBatch.create({
      data: {
        tenantId,
        cohortId,
        status: "failed",
        signerName: "용인시장",
        signerTitle: "시장",
        error: "could not open file tenants/…/seal.png",
        failureCode: "job_failed",
      },
    }),
  );
  return batch.id;
}

async function pressRetry(batchId: string) {
  const form = new FormData();
  form.set("csrf", csrf);
  form.set("intent", "retry");
  form.set("batchId", batchId);
  return action({
    request: new Request(page(), { method: "POST", body: form, headers: { cookie } }),
    params: { tenant: "yongin", cohortId },
    context: context(),
  } as ActionFunctionArgs);
}

describe("a certificate batch whose job failed", () => {
  it("is shown failed with its reason code, without the database's error text", async () => {
    const batchId = await failedBatch();
    const data = (await loader({
      request: new Request(page(), { headers: { cookie } }),
      params: { tenant: "yongin", cohortId },
      context: context(),
    } as LoaderFunctionArgs)) as { batches: { id: string; status: string; failureCode: string | null }[] };
    expect(data.batches.find((batch) => batch.id === batchId)).toMatchObject({
      status: "failed",
      failureCode: "job_failed",
    });
    expect(JSON.stringify(data)).not.toContain("seal.png");
  });

  it("is generated again by 다시 시도, and a second press starts no second job", async () => {
    const batchId = await failedBatch();
    expect(await pressRetry(batchId)).toEqual({ intent: "retry", batchId, retried: true });
    expect(await pressRetry(batchId)).toEqual({ intent: "retry", batchId, retried: false });
    const jobs = await testDb.db.platform.outboxEvent.count({
      where: { jobName: "certificates.generate", payload: { path: ["batchId"], equals: batchId } },
    });
    expect(jobs).toBe(1);
  });
});
