// The machine endpoints, sent hostile requests against a real database: the directory import API
// (POST /api/v1/staff:import, GET /api/v1/imports/{id}) and the Stripe webhook. Bodies that are no
// directory file (JSON, valid or not, with NUL escapes, numbers no one means, wrong types; bytes with NUL),
// search params with control characters or values of the wrong type, ids that are no one's; webhook bodies
// unsigned, badly signed, or signed with the secret but no Stripe event (an array, a number, an event
// without its id, created 1e999, a NUL in a string). Each is answered with a 4xx JSON error, never a 500,
// and nothing is written. fast-check picks the requests, seeded, so a run is the same every time.
import { createHmac, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hashToken } from "@mentoring/auth";
import { subscriptionEvent } from "@mentoring/billing/testing";
import { parseConfig } from "@mentoring/config";
import { connect, withDatabase } from "@mentoring/db/provision";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import type { ActionFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as staffImport } from "../app/routes/api.v1.$operation";
import { loader as importStatus } from "../app/routes/api.v1.imports.$id";
import { action as stripeWebhook } from "../app/routes/webhooks.stripe";
import type { Services } from "../app/services/services.server";
import { installWriteCounter, writeCount } from "./write-counter";

const SECRET = "whsec_endpoint_fuzz";
let database: TestDatabase;
let services: Services;
let storageDir: string;
let counterClient: Awaited<ReturnType<typeof connect>>;
let token = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  storageDir = await mkdtemp(path.join(os.tmpdir(), "endpoint-fuzz-"));
  services = {
    config: { ...parseConfig({ STRIPE_WEBHOOK_SECRET: SECRET }), STORAGE_DIR: storageDir },
    db,
    redis: undefined as never,
    log: pino({ level: "silent" }),
    close: async () => {},
  };
  const city = await db.platform.tenant.create({
    data: { slug: "fuzz-city", name: "퍼즈시", kind: "basic_government", region: "경기도", status: "active" },
  });
  token = `mnt_fuzz-city_${randomBytes(24).toString("base64url")}`;
  await db.withTenant(city.id, (tx) =>
    tx.apiToken.create({
      data: { tenantId: city.id, name: "HR", tokenHash: hashToken(token), scopes: ["staff.import"] },
    }),
  );
  counterClient = await connect(withDatabase(database.urls.admin, database.name));
  // A request let in marks its token's last use; that is not the request's work.
  await installWriteCounter(counterClient, { touchOnly: ["api_tokens"] });
});
afterAll(async () => {
  await counterClient?.end();
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

const context = () => ({ services, requestId: "fuzz", nonce: "", clientAddress: "127.0.0.1" });

/** Status and JSON body of an endpoint's answer, whether returned or thrown; a 500 for anything else thrown. */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: unknown; type: string }> {
  try {
    const response = (await run()) as Response;
    return {
      status: response.status,
      type: response.headers.get("content-type") ?? "",
      body: await response.json().catch(() => "<not JSON>"),
    };
  } catch (thrown) {
    if (thrown instanceof Response)
      return {
        status: thrown.status,
        type: thrown.headers.get("content-type") ?? "",
        body: await thrown.json().catch(() => "<not JSON>"),
      };
    return { status: 500, type: "", body: thrown instanceof Error ? thrown.stack : String(thrown) };
  }
}

/** JSON text no one should send a file endpoint or a webhook. */
const hostileJson = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    '{"a":',
    "[]",
    "null",
    "1e999",
    "-1",
    "99999999999999999999",
    '"\\u0000"',
    '{"id":"\\u0000"}',
    '{"full":"yes","rows":1e23}',
    "\u0000\u0000\u0000",
    '{"__proto__":{"admin":true}}',
  ),
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }).map((text) => JSON.stringify({ name: text, value: text.length })),
);
const control = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u001b", "\u001f", "\u007f");
const controlled = fc
  .tuple(fc.string({ maxLength: 8 }), control, fc.string({ maxLength: 8 }))
  .map(([before, character, after]) => `${before}${character}${after}`);
const hostileValue = fc.oneof(
  controlled,
  fc.constantFrom("1e23", "-1", "1e999", "NaN", "yes", "{}", "[object Object]", "x".repeat(300)),
);
const queryNames = fc.constantFrom("full", "apply", "createDepartments", "deactivateMissing", "fileName");

/** A request to the import API: a body that is no directory file, or a query no one means. */
const importRequest = fc.oneof(
  fc.record({
    body: hostileJson,
    contentType: fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ),
    query: fc.constant([] as [string, string][]),
  }),
  fc.record({
    // Bytes with NUL: no CSV in UTF-8 or CP949 has one.
    body: fc
      .tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }))
      .map(([a, b]) => `사번,성명\n${a}\u0000${b}\n`),
    contentType: fc.constantFrom("text/csv", "application/octet-stream", ""),
    query: fc.constant([] as [string, string][]),
  }),
  fc.record({
    body: fc.constant("사번,성명,부서,직급,직위,임용일\nA-1,김민준,인사과,8급,주무관,2020-03-02\n"),
    contentType: fc.constant("text/csv"),
    query: fc.array(fc.tuple(queryNames, hostileValue), { minLength: 1, maxLength: 3 }),
  }),
);

function importPost({
  body,
  contentType,
  query,
}: {
  body: string;
  contentType: string;
  query: [string, string][];
}) {
  const search = new URLSearchParams(query);
  return new Request(`http://127.0.0.1/api/v1/staff:import?${search}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { "content-type": contentType } : {}) },
    body,
  });
}

const subscription = {
  customerId: "cus_fuzz",
  subscriptionId: "sub_fuzz",
  status: "canceled",
  planCode: "starter_monthly",
  periodEnd: 1_792_000_000,
};

/** A webhook body signed with the secret that is no Stripe event, or a real event badly signed. */
const webhookRequest = fc.oneof(
  hostileJson.map((body) => ({ body, signature: signedHeader(body) })),
  fc
    .constantFrom(
      { id: 1, object: "event", type: "invoice.paid", created: 1_790_000_000, data: { object: {} } },
      { object: "event", type: "invoice.paid", created: 1_790_000_000, data: { object: {} } },
      { id: "evt_fuzz", object: "event", type: "invoice.paid", created: "yesterday", data: { object: {} } },
      { id: "evt_fuzz", object: "event", type: "invoice.paid", created: -1e23, data: { object: {} } },
      { id: "evt_fuzz", object: "event", type: ["invoice.paid"], created: 1_790_000_000, data: {} },
      { id: "evt_\u0000", object: "event", type: "invoice.paid", created: 1_790_000_000, data: {} },
      { id: "evt_fuzz2", object: "event", type: "x\u0000", created: 1_790_000_000, data: {} },
      {
        id: "evt_fuzz3",
        object: "event",
        type: "invoice.paid",
        created: 1_790_000_000,
        data: { a: "\u0000" },
      },
      { id: "x".repeat(100_000), object: "event", type: "invoice.paid", created: 1_790_000_000, data: {} },
    )
    .map((event) => JSON.stringify(event).replace('"created":-1e+23', '"created":1e999'))
    .map((body) => ({ body, signature: signedHeader(body) })),
  fc
    .constantFrom(
      "",
      "t=1,v1=0",
      "v1=abc",
      "t=abc,v1=abc",
      "t=99999999999999999999,v1=deadbeef",
      "t=-1,v1=deadbeef",
      `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      "x".repeat(5_000),
    )
    .map((signature) => ({
      body: JSON.stringify(subscriptionEvent("customer.subscription.deleted", 1_790_000_000, subscription)),
      signature,
    })),
);

/** A Stripe-Signature header for exactly these bytes, now, with the endpoint's secret (Stripe's scheme). */
function signedHeader(body: string): string {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

function webhookPost({ body, signature }: { body: string; signature: string }) {
  return new Request("http://127.0.0.1/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body,
  });
}

async function storedFiles(): Promise<number> {
  return (await readdir(storageDir, { recursive: true }).catch(() => [])).length;
}

const numRuns = 40;
let cases = 0;
const statuses = new Map<number, number>();

function expectJsonRefusal(outcome: { status: number; body: unknown; type: string }, what: string) {
  statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
  expect(
    outcome.status,
    `${what}: ${String(JSON.stringify(outcome.body)).slice(0, 400)}`,
  ).toBeGreaterThanOrEqual(400);
  expect(outcome.status, what).toBeLessThan(500);
  expect(outcome.type, what).toContain("application/json");
  expect(outcome.body, what).toEqual(expect.objectContaining({ error: expect.any(String) }));
}

describe("POST /api/v1/staff:import", () => {
  it("answers every hostile body or query with a 4xx JSON error and stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(importRequest, async (request) => {
        cases++;
        const [before, filesBefore] = [await writeCount(counterClient), await storedFiles()];
        const outcome = await answer(() =>
          staffImport({
            request: importPost(request),
            params: { operation: "staff:import" },
            context: context(),
          } as ActionFunctionArgs),
        );
        const what = JSON.stringify(request).slice(0, 300);
        expectJsonRefusal(outcome, what);
        expect(await writeCount(counterClient), `${what} wrote to the database`).toBe(before);
        expect(await storedFiles(), `${what} stored a file`).toBe(filesBefore);
      }),
      { numRuns, seed: 13, endOnFailure: true },
    );
  });

  it("still takes a CSV file (the refusals above are not of everything)", async () => {
    const outcome = await answer(() =>
      staffImport({
        request: importPost({
          body: "사번,성명,부서,직급,직위,임용일\nA-1,김민준,인사과,8급,주무관,2020-03-02\n",
          contentType: "text/csv",
          query: [["fileName", "인사.csv"]],
        }),
        params: { operation: "staff:import" },
        context: context(),
      } as ActionFunctionArgs),
    );
    expect(outcome.status).toBe(202);
  });
});

describe("GET /api/v1/imports/{id}", () => {
  it("answers hostile ids with a 404 JSON error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(controlled, hostileValue, fc.uuid()), async (id) => {
        cases++;
        const outcome = await answer(() =>
          importStatus({
            request: new Request("http://127.0.0.1/api/v1/imports/x", {
              headers: { authorization: `Bearer ${token}` },
            }),
            params: { id },
            context: context(),
          } as ActionFunctionArgs),
        );
        expectJsonRefusal(outcome, JSON.stringify(id));
        expect(outcome.status).toBe(404);
      }),
      { numRuns: 15, seed: 13, endOnFailure: true },
    );
  });
});

describe("POST /webhooks/stripe", () => {
  it("answers every unsigned, badly signed or malformed event with a 4xx JSON error and stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(webhookRequest, async (request) => {
        cases++;
        const before = await writeCount(counterClient);
        const outcome = await answer(() =>
          stripeWebhook({
            request: webhookPost(request),
            params: {},
            context: context(),
          } as ActionFunctionArgs),
        );
        const what = `${request.body.slice(0, 200)} signed ${request.signature.slice(0, 80)}`;
        expectJsonRefusal(outcome, what);
        expect(await writeCount(counterClient), `${what} wrote to the database`).toBe(before);
      }),
      { numRuns, seed: 13, endOnFailure: true },
    );
  });

  it("still stores a real event, signed (the refusals above are not of everything)", async () => {
    const event = subscriptionEvent("customer.subscription.updated", 1_790_000_000, subscription);
    const body = JSON.stringify(event);
    const outcome = await answer(() =>
      stripeWebhook({
        request: webhookPost({ body, signature: signedHeader(body) }),
        params: {},
        context: context(),
      } as ActionFunctionArgs),
    );
    expect(outcome.status).toBe(200);
  });
});

afterAll(() => {
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  console.info(`endpoint fuzz: ${cases} hostile requests (${byStatus.join(", ")})`);
});
