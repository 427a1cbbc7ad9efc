// The page of one directory import against a real database, called as Remix would call it: an import whose
// job failed shows why in words (never the database's error text) and "다시 시도" re-enqueues its work, once
// however often it is pressed.
import { randomUUID } from "node:crypto";
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../app/routes/$tenant.admin.directory.$importId";
import type { Services } from "../app/services/services.server";
import { servicesWithoutRedis, signedInBrowser } from "./requests";

let testDb: TestDatabase;
let services: Services;
let tenantId: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  testDb = await createSeededTestDatabase();
  const { db } = testDb;
  services = servicesWithoutRedis(db);
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
  tenantId = tenant.id;
  const admin = await db.withTenant(tenantId, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "tenant_admin" } } }),
  );
  ({ cookie, csrf } = await signedInBrowser(services, admin.userId));
});

afterAll(() => testDb?.drop());

const context = () => ({ services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" });

/** An import whose validation job gave up, with the database's reason on the row. */
async function failedImport(): Promise<string> {
  const importId = randomUUID();
  await testDb.db.withTenant(tenantId, (tx) =>
    tx.directoryImport.create({
      data: {
        id: importId,
        tenantId,
        fileName: "직원.csv",
        format: "csv",
        status: "failed",
        error: 'duplicate key value violates unique constraint "staff_members_pkey"',
        failureCode: "stalled",
      },
    }),
  );
  return importId;
}

async function pressRetry(importId: string) {
  const form = new FormData();
  form.set("csrf", csrf);
  form.set("intent", "retry");
  return action({
    request: new Request(`http://127.0.0.1/yongin/admin/directory/${importId}`, {
      method: "POST",
      body: form,
      headers: { cookie },
    }),
    params: { tenant: "yongin", importId },
    context: context(),
  } as ActionFunctionArgs);
}

describe("a directory import whose job failed", () => {
  it("is shown failed with its reason code, without the database's error text", async () => {
    const importId = await failedImport();
    const data = (await loader({
      request: new Request(`http://127.0.0.1/yongin/admin/directory/${importId}`, { headers: { cookie } }),
      params: { tenant: "yongin", importId },
      context: context(),
    } as LoaderFunctionArgs)) as Record<string, unknown>;
    expect(data).toMatchObject({ status: "failed", failureCode: "stalled" });
    expect(JSON.stringify(data)).not.toContain("duplicate key");
  });

  it("is validated again by 다시 시도, and a second press starts no second job", async () => {
    const importId = await failedImport();
    expect(await pressRetry(importId)).toEqual({ retried: true });
    expect(await pressRetry(importId)).toEqual({ retried: false });
    const found = await testDb.db.withTenant(tenantId, (tx) =>
      tx.directoryImport.findFirstOrThrow({ where: { tenantId, id: importId } }),
    );
    expect(found.status).toBe("validating");
    const jobs = await testDb.db.platform.outboxEvent.count({
      where: { jobName: "directory.validate", payload: { path: ["importId"], equals: importId } },
    });
    expect(jobs).toBe(1);
  });
});
