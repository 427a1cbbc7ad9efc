// The HR-system API: POST /api/v1/staff:import and GET /api/v1/imports/{id}, called as Remix would call
// them, against a real database: token valid, invalid, revoked, for another tenant, without the scope.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hashToken } from "@mentoring/auth";
import { config } from "@mentoring/config";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { MAX_UPLOAD_BYTES, validateImport } from "@mentoring/directory";
import { LocalFileStorage } from "@mentoring/storage";
import type { AppLoadContext } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as staffImport, loader as staffImportGet } from "../app/routes/api.v1.$operation";
import { loader as importStatus, action as importStatusPost } from "../app/routes/api.v1.imports.$id";
import type { Services } from "../app/services/services.server";

let database: TestDatabase;
let store: LocalFileStorage;
let context: AppLoadContext;
let tenantId: string;
const tokens = { valid: "", revoked: "", noScope: "", otherTenant: "" };

const newApiToken = (slug: string) => `mnt_${slug}_${randomBytes(24).toString("base64url")}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  store = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), "directory-api-")));
  const services = {
    config: { ...config(), STORAGE_DIR: store.root },
    db,
    log: pino({ level: "silent" }),
  } as unknown as Services;
  context = { services, requestId: "test-request", nonce: "", clientAddress: "127.0.0.1" };
  const create = (slug: string) =>
    db.platform.tenant.create({
      data: { slug, name: slug, kind: "basic_government", region: "경기도", status: "active" },
    });
  const city = await create("api-city");
  const other = await create("other-city");
  tenantId = city.id;
  tokens.valid = newApiToken("api-city");
  tokens.revoked = newApiToken("api-city");
  tokens.noScope = newApiToken("api-city");
  tokens.otherTenant = newApiToken("api-city");
  await db.withTenant(city.id, async (tx) => {
    await tx.department.create({ data: { tenantId: city.id, code: "personnel", name: "인사과" } });
    await tx.apiToken.createMany({
      data: [
        { tenantId: city.id, name: "HR", tokenHash: hashToken(tokens.valid), scopes: ["staff.import"] },
        {
          tenantId: city.id,
          name: "old HR",
          tokenHash: hashToken(tokens.revoked),
          scopes: ["staff.import"],
          revokedAt: new Date(),
        },
        { tenantId: city.id, name: "reports", tokenHash: hashToken(tokens.noScope), scopes: [] },
      ],
    });
  });
  // The same secret stored for the other tenant does not open this one.
  await db.withTenant(other.id, (tx) =>
    tx.apiToken.create({
      data: {
        tenantId: other.id,
        name: "HR",
        tokenHash: hashToken(tokens.otherTenant),
        scopes: ["staff.import"],
      },
    }),
  );
});

afterAll(async () => {
  await database?.drop();
  await rm(store.root, { recursive: true, force: true });
});

const MiB = 1024 * 1024;
const defaultLimits = { maxRows: 40_000, maxColumns: 30, maxBytes: 20 * MiB };
const starterLimits = { maxRows: 2_000, maxColumns: 30, maxBytes: 5 * MiB };

/** Runs `work` with the tenant on `planCode`, then puts it back on no plan. */
async function onPlan<T>(planCode: string, work: () => Promise<T>): Promise<T> {
  await database.db.platform.tenant.update({ where: { id: tenantId }, data: { planCode } });
  try {
    return await work();
  } finally {
    await database.db.platform.tenant.update({ where: { id: tenantId }, data: { planCode: null } });
  }
}

const csv = new TextEncoder().encode(
  "사번,성명,부서,직급,직위,임용일\nA-1,김민준,인사과,8급,주무관,2020-03-02\n",
);

function post(token: string | null, query = "?full=false") {
  return new Request(`http://127.0.0.1/api/v1/staff:import${query}`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}`, "content-type": "text/csv" } : {},
    body: csv,
  });
}

async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    const response = (await call()) as Response;
    return response.status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("POST /api/v1/staff:import", () => {
  it("accepts the file with a valid token: 202, the import id and where to follow it", async () => {
    const response = (await staffImport({
      request: post(tokens.valid),
      params: { operation: "staff:import" },
      context,
    })) as Response;
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; status: string; statusUrl: string };
    expect(body).toMatchObject({ status: "validating" });
    expect(body.statusUrl).toBe(`http://127.0.0.1/api/v1/imports/${body.id}`);
    const jobs = await database.db.platform.outboxEvent.findMany({
      where: { jobName: "directory.validate" },
    });
    expect(jobs.map((job) => job.payload)).toContainEqual({ tenantId, importId: body.id });

    await validateImport(database.db, store, { tenantId, importId: body.id });
    const status = (await importStatus({
      request: new Request(body.statusUrl, { headers: { authorization: `Bearer ${tokens.valid}` } }),
      params: { id: body.id },
      context,
    })) as Response;
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      id: body.id,
      status: "ready",
      counts: { new: 1, changed: 0, unchanged: 0, invalid: 0 },
      invalidRows: [],
      limits: defaultLimits,
    });
  });

  it("states the tenant's import limits in its answer: without a plan, the default", async () => {
    const response = (await staffImport({
      request: post(tokens.valid),
      params: { operation: "staff:import" },
      context,
    })) as Response;
    expect(await response.json()).toMatchObject({ limits: defaultLimits });
  });

  it.each([
    ["no token", null, 401],
    ["a malformed token", "not-a-token", 401],
    ["an unknown token", newApiToken("api-city"), 401],
    ["a revoked token", "revoked", 401],
    ["another tenant's token under this tenant's slug", "otherTenant", 401],
    ["a token for an unknown tenant", newApiToken("nowhere"), 401],
    ["a token without the staff.import scope", "noScope", 403],
  ])("refuses %s", async (_, token, expected) => {
    const value = token && token in tokens ? tokens[token as keyof typeof tokens] : token;
    const before = await database.db.withTenant(tenantId, (tx) => tx.directoryImport.count());
    expect(
      await statusOf(() =>
        staffImport({ request: post(value), params: { operation: "staff:import" }, context }),
      ),
    ).toBe(expected);
    expect(await database.db.withTenant(tenantId, (tx) => tx.directoryImport.count())).toBe(before);
  });

  it("says why a failed import failed as a code, without the database's error text", async () => {
    const importId = randomUUID();
    await database.db.withTenant(tenantId, (tx) =>
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
    const response = (await importStatus({
      request: new Request(`http://127.0.0.1/api/v1/imports/${importId}`, {
        headers: { authorization: `Bearer ${tokens.valid}` },
      }),
      params: { id: importId },
      context,
    })) as Response;
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: importId, status: "failed", failureCode: "stalled" });
    expect(body).not.toHaveProperty("error");
    expect(JSON.stringify(body)).not.toContain("duplicate key");
  });

  it("answers 404 for another tenant's import or a malformed id", async () => {
    const request = new Request("http://127.0.0.1/api/v1/imports/x", {
      headers: { authorization: `Bearer ${tokens.valid}` },
    });
    expect(await statusOf(() => importStatus({ request, params: { id: "x" }, context }))).toBe(404);
    expect(
      await statusOf(() =>
        importStatus({ request, params: { id: "00000000-0000-4000-8000-000000000000" }, context }),
      ),
    ).toBe(404);
  });

  it("answers 404 for an operation other than staff:import", async () => {
    const response = (await staffImport({
      request: post(tokens.valid),
      params: { operation: "staff:delete" },
      context,
    })) as Response;
    expect(response.status).toBe(404);
  });

  it("refuses a file that is not CSV or XLSX with 415", async () => {
    const request = new Request("http://127.0.0.1/api/v1/staff:import?fileName=a.pdf", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.valid}` },
      body: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    });
    const response = (await staffImport({
      request,
      params: { operation: "staff:import" },
      context,
    })) as Response;
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: "directory.unsupported_format" });
  });

  it("refuses an empty body with 400 and creates nothing", async () => {
    const before = await database.db.withTenant(tenantId, (tx) => tx.directoryImport.count());
    const request = new Request("http://127.0.0.1/api/v1/staff:import", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.valid}` },
    });
    const response = (await staffImport({
      request,
      params: { operation: "staff:import" },
      context,
    })) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "directory.no_file" });
    expect(await database.db.withTenant(tenantId, (tx) => tx.directoryImport.count())).toBe(before);
  });

  it("refuses a chunked file beyond the largest directory file with 413, reading no further", async () => {
    const before = await database.db.withTenant(tenantId, (tx) => tx.directoryImport.count());
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 256 * 1024;
        controller.enqueue(new Uint8Array(256 * 1024).fill(0x41));
      },
    });
    const request = new Request("http://127.0.0.1/api/v1/staff:import", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.valid}`, "content-type": "text/csv" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const response = (await staffImport({
      request,
      params: { operation: "staff:import" },
      context,
    })) as Response;
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "payload_too_large",
      maxBytes: MAX_UPLOAD_BYTES,
      limits: defaultLimits,
    });
    expect(pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 1024 * 1024);
    expect(await database.db.withTenant(tenantId, (tx) => tx.directoryImport.count())).toBe(before);
  });
});

describe("the plan's import limits on the API", () => {
  const importCount = () => database.db.withTenant(tenantId, (tx) => tx.directoryImport.count());

  it("states the plan's limits when a file is accepted", async () => {
    const body = await onPlan("starter_monthly", async () => {
      const response = (await staffImport({
        request: post(tokens.valid),
        params: { operation: "staff:import" },
        context,
      })) as Response;
      expect(response.status).toBe(202);
      return response.json();
    });
    expect(body).toMatchObject({ status: "validating", limits: starterLimits });
  });

  it("refuses a body whose length passes the plan's bytes with 413 and the limits, before reading it", async () => {
    const before = await importCount();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x41));
      },
    });
    const response = await onPlan(
      "starter_yearly",
      async () =>
        (await staffImport({
          request: new Request("http://127.0.0.1/api/v1/staff:import", {
            method: "POST",
            headers: {
              authorization: `Bearer ${tokens.valid}`,
              "content-type": "text/csv",
              "content-length": String(6 * MiB),
            },
            body,
            duplex: "half",
          } as RequestInit),
          params: { operation: "staff:import" },
          context,
        })) as Response,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "payload_too_large",
      maxBytes: 5 * MiB,
      limits: starterLimits,
    });
    expect(pulled).toBeLessThanOrEqual(64 * 1024);
    expect(await importCount()).toBe(before);
  });

  it("refuses a chunked body at the plan's bytes with 413, reading no further, and creates nothing", async () => {
    const before = await importCount();
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 256 * 1024;
        controller.enqueue(new Uint8Array(256 * 1024).fill(0x41));
      },
    });
    const response = await onPlan(
      "starter_monthly",
      async () =>
        (await staffImport({
          request: new Request("http://127.0.0.1/api/v1/staff:import", {
            method: "POST",
            headers: { authorization: `Bearer ${tokens.valid}`, "content-type": "text/csv" },
            body: endless,
            duplex: "half",
          } as RequestInit),
          params: { operation: "staff:import" },
          context,
        })) as Response,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large", maxBytes: 5 * MiB });
    expect(pulled).toBeLessThanOrEqual(5 * MiB + 1 * MiB);
    expect(await importCount()).toBe(before);
  });
});

describe("methods the API does not serve", () => {
  it("answers GET on the import endpoint with 405 naming POST, before asking for a token (not 400)", async () => {
    const response = (await staffImportGet({
      request: new Request("http://127.0.0.1/api/v1/staff:import"),
      params: { operation: "staff:import" },
      context,
    })) as Response;
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: "method_not_allowed" });
  });

  it("answers POST on an import's status with 405 naming GET", async () => {
    const response = (await importStatusPost({
      request: new Request("http://127.0.0.1/api/v1/imports/x", {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.valid}` },
        body: "{}",
      }),
      params: { id: "x" },
      context,
    })) as Response;
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
