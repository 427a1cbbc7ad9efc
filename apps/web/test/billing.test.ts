// The Stripe webhook endpoint and the billing services, against the real PostgreSQL and a local stand-in
// for Stripe's API (the real SDK in between).
import { randomBytes, randomUUID } from "node:crypto";
import {
  invoiceObject,
  type StripeDouble,
  signedWebhook,
  startStripeDouble,
  subscriptionEvent,
} from "@mentoring/billing/testing";
import { parseConfig } from "@mentoring/config";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import type { ActionFunctionArgs } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../app/routes/webhooks.stripe";
import { loadPlatformBilling, loadTenantBilling, startSubscription } from "../app/services/billing.server";
import type { Services } from "../app/services/services.server";

const SECRET = "whsec_web_test";
let testDb: TestDatabase;
let double: StripeDouble;
let services: Services;

beforeAll(async () => {
  testDb = await createTestDatabase();
  double = await startStripeDouble();
  services = {
    config: parseConfig({ STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: double.url }),
    db: testDb.db,
    redis: undefined as never,
    log: pino({ level: "silent" }),
    close: async () => {},
  };
});
afterAll(async () => {
  await double?.close();
  await testDb?.drop();
});

async function city(data: { stripeCustomerId?: string } = {}) {
  const slug = `city-${randomBytes(4).toString("hex")}`;
  return testDb.db.platform.tenant.create({
    data: {
      slug,
      name: "원주시",
      kind: "basic_government",
      region: "강원특별자치도",
      status: "trial",
      ...data,
    },
  });
}

const post = (body: string, headers: Record<string, string>) =>
  action({
    request: new Request("http://127.0.0.1/webhooks/stripe", { method: "POST", body, headers }),
    params: {},
    context: { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" },
  } as ActionFunctionArgs) as Promise<Response>;

const storedCount = async (id: string) =>
  (
    await testDb.db.platform.$queryRaw<
      { n: number }[]
    >`select count(*)::int as n from stripe_events where id = ${id}`
  )[0]?.n;

describe("POST /webhooks/stripe", () => {
  const event = subscriptionEvent("customer.subscription.updated", 1_790_000_000, {
    customerId: "cus_web",
    subscriptionId: "sub_web",
    status: "active",
    planCode: "starter_monthly",
    periodEnd: 1_792_000_000,
  });

  it("answers 400 to a bad signature and stores nothing", async () => {
    const forged = signedWebhook(event, "whsec_forged");
    const response = await post(forged.body, {
      "stripe-signature": forged.header,
      "content-type": "application/json",
    });
    expect(response.status).toBe(400);
    expect((await post(forged.body, {})).status).toBe(400);
    expect(await storedCount(event.id)).toBe(0);
  });

  it("answers 200 to a signed event, and 200 again to its repeat, storing it once", async () => {
    const { body, header } = signedWebhook(event, SECRET);
    // No CSRF token and no session: Stripe has neither.
    expect(
      (await post(body, { "stripe-signature": header, "content-type": "application/json" })).status,
    ).toBe(200);
    expect(
      (await post(body, { "stripe-signature": header, "content-type": "application/json" })).status,
    ).toBe(200);
    expect(await storedCount(event.id)).toBe(1);
  });

  it("answers GET with 405 naming POST, not 400", async () => {
    const response = (await loader({
      request: new Request("http://127.0.0.1/webhooks/stripe"),
      params: {},
      context: { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" },
    } as ActionFunctionArgs)) as Response;
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses a body beyond a Stripe event's limit with 413, reading no further, storing nothing", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const { header } = signedWebhook(event, SECRET);
    const response = (await action({
      request: new Request("http://127.0.0.1/webhooks/stripe", {
        method: "POST",
        body: endless,
        headers: { "stripe-signature": header, "content-type": "application/json" },
        duplex: "half",
      } as RequestInit),
      params: {},
      context: { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" },
    } as ActionFunctionArgs)) as Response;
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });
});

describe("the billing page's data", () => {
  it("suggests the plan that fits the directory and lists invoices from Stripe", async () => {
    const tenant = await city({ stripeCustomerId: `cus_${randomBytes(4).toString("hex")}` });
    double.invoices.push(
      invoiceObject({
        customerId: tenant.stripeCustomerId as string,
        subscriptionId: "sub_1",
        status: "open",
        total: 3_000_000,
        created: 1_790_000_000,
        number: "WJ-0001",
      }),
    );
    const page = await loadTenantBilling(services, tenant);
    expect(page).toMatchObject({
      staffCount: 0,
      suggested: { band: "starter", monthlyKrw: 300_000 },
      subscribed: false,
      invoicesUnavailable: false,
      invoices: [{ number: "WJ-0001", total: 3_000_000, status: "open" }],
    });
  });

  it("still shows the page, with a message, when Stripe cannot be reached", async () => {
    const tenant = await city({ stripeCustomerId: "cus_unreachable" });
    const offline = { ...services, config: parseConfig({ STRIPE_API_URL: "http://127.0.0.1:9" }) };
    expect(await loadTenantBilling(offline, tenant)).toMatchObject({
      invoicesUnavailable: true,
      invoices: [],
    });
  });

  it("starts an invoiced subscription, refusing an invalid registration number first", async () => {
    const tenant = await city();
    const acting = { tenant, actorUserId: randomUUID(), requestId: "r1", email: "pay@wonju.go.kr" };
    await expect(
      startSubscription(services, {
        ...acting,
        input: { businessRegistrationNumber: "123-45-67890", interval: "yearly", collection: "send_invoice" },
      }),
    ).rejects.toMatchObject({ code: "billing.brn_invalid" });
    await startSubscription(services, {
      ...acting,
      input: { businessRegistrationNumber: "138-81-05406", interval: "yearly", collection: "send_invoice" },
    });
    const [created] = double.requests.filter((r) => r.path === "/v1/subscriptions").slice(-1);
    expect(created?.form.get("collection_method")).toBe("send_invoice");
    expect(created?.form.get("days_until_due")).toBe("30");
    expect(created?.form.get("metadata[planCode]")).toBe("starter_yearly");
    const overview = await loadPlatformBilling(services);
    expect(overview.tenants.find((row) => row.id === tenant.id)).toMatchObject({
      band: "starter",
      subscriptionStatus: "active",
      mrrKrw: 250_000,
    });
    expect(overview.totalMrrKrw).toBeGreaterThanOrEqual(250_000);
  });
});
