// The staff directory page against a real database, called as Remix would call it: it states the tenant's
// import limits by plan, and an upload beyond the plan's bytes is refused with a translated message that
// names the limit.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../app/routes/$tenant.admin.directory._index";
import { translatorFor } from "../app/services/i18n.server";
import type { Services } from "../app/services/services.server";
import { servicesWithoutRedis, signedInBrowser } from "./requests";

const MiB = 1024 * 1024;
let testDb: TestDatabase;
let services: Services;
let storageDir: string;
let tenantId: string;
/** The tenant admin's browser in each language. */
const browsers: Partial<Record<"ko" | "en", { cookie: string; csrf: string }>> = {};

beforeAll(async () => {
  testDb = await createSeededTestDatabase();
  const { db } = testDb;
  storageDir = await mkdtemp(path.join(os.tmpdir(), "directory-page-"));
  services = servicesWithoutRedis(db, { STORAGE_DIR: storageDir });
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
  tenantId = tenant.id;
  const admin = await db.withTenant(tenantId, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "tenant_admin" } } }),
  );
  browsers.ko = await signedInBrowser(services, admin.userId, "ko");
  browsers.en = await signedInBrowser(services, admin.userId, "en");
});

afterAll(async () => {
  await testDb?.drop();
  await rm(storageDir, { recursive: true, force: true });
});

async function onPlan<T>(planCode: string | null, work: () => Promise<T>): Promise<T> {
  await testDb.db.platform.tenant.update({ where: { id: tenantId }, data: { planCode } });
  try {
    return await work();
  } finally {
    await testDb.db.platform.tenant.update({ where: { id: tenantId }, data: { planCode: null } });
  }
}

const context = () => ({ services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" });
const withLocale = (locale: "ko" | "en") => browsers[locale]?.cookie ?? "";

async function limitsStated(locale: "ko" | "en") {
  const request = new Request("http://127.0.0.1/yongin/admin/directory", {
    headers: { cookie: await withLocale(locale) },
  });
  const data = (await loader({
    request,
    params: { tenant: "yongin" },
    context: context(),
  } as LoaderFunctionArgs)) as {
    limits: { rows: number; columns: number; megabytes: number };
  };
  const t = await translatorFor(request);
  return t("directory.upload.limits", data.limits);
}

describe("the directory page", () => {
  it("states the plan's import limits, in Korean and English", async () => {
    expect(await onPlan("starter_monthly", () => limitsStated("ko"))).toContain("2,000행, 30열, 5MB까지");
    expect(await onPlan("metro_yearly", () => limitsStated("en"))).toContain(
      "up to 100,000 rows, 30 columns and 20 MB",
    );
  });

  it("states the default limits for a tenant without a plan", async () => {
    expect(await onPlan(null, () => limitsStated("ko"))).toContain("40,000행, 30열, 20MB까지");
  });

  it("refuses an upload beyond the plan's bytes with 413 and a message naming the limit", async () => {
    const before = await testDb.db.withTenant(tenantId, (tx) => tx.directoryImport.count());
    const form = new FormData();
    form.set("csrf", browsers.ko?.csrf ?? "");
    form.set("file", new File([new Uint8Array(6 * MiB).fill(0x41)], "명부.csv", { type: "text/csv" }));
    const reply = await onPlan("starter_yearly", async () =>
      action({
        request: new Request("http://127.0.0.1/yongin/admin/directory", {
          method: "POST",
          body: form,
          headers: { cookie: await withLocale("ko") },
        }),
        params: { tenant: "yongin" },
        context: context(),
      } as ActionFunctionArgs),
    );
    const { data, init } = reply as unknown as {
      data: { error: Record<string, string[]> };
      init?: { status?: number };
    };
    expect(init?.status).toBe(413);
    expect(data.error[""]).toEqual([
      "파일이 너무 큽니다. 이 기관의 요금제로는 5MB 이하의 파일만 올릴 수 있습니다",
    ]);
    expect(await testDb.db.withTenant(tenantId, (tx) => tx.directoryImport.count())).toBe(before);
  });
});
