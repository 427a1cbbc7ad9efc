import { randomBytes } from "node:crypto";
import type { Database } from "@mentoring/db";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AlreadySubscribedError,
  ensureCustomer,
  listInvoices,
  PlanPriceMissingError,
  type Stripe,
  setBusinessRegistrationNumber,
  stripeClient,
  subscribe,
  UnknownPlanError,
} from "../src/index";
import { invoiceObject, type StripeDouble, startStripeDouble } from "../src/testing";

// Outbound calls go through the real SDK to a local stand-in for api.stripe.com.
let double: StripeDouble;
let stripe: Stripe;
let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  double = await startStripeDouble();
  stripe = stripeClient({ STRIPE_SECRET_KEY: "sk_test_double", STRIPE_API_URL: double.url });
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await double?.close();
  await testDb?.drop();
});

async function city(data: { businessRegistrationNumber?: string; status?: "trial" | "active" } = {}) {
  const suffix = randomBytes(4).toString("hex");
  const tenant = await db.platform.tenant.create({
    data: {
      slug: `gangneung-${suffix}`,
      name: "강릉시",
      kind: "basic_government",
      region: "강원특별자치도",
      ...data,
    },
  });
  return tenant.id;
}

const requestsFor = (method: string, path: string, since: number) =>
  double.requests.slice(since).filter((r) => r.method === method && r.path === path);

describe("the Stripe customer", () => {
  it("is created once, in Korean, with the tenant's name and id, and the registration number as kr_brn", async () => {
    const tenantId = await city({ businessRegistrationNumber: "1388105406" });
    const before = double.requests.length;
    const customerId = await ensureCustomer(db, stripe, tenantId, { email: "billing@gn.go.kr" });
    expect(await ensureCustomer(db, stripe, tenantId)).toBe(customerId);

    const [created, ...more] = requestsFor("POST", "/v1/customers", before);
    expect(more).toEqual([]);
    expect(Object.fromEntries(created?.form ?? [])).toEqual({
      name: "강릉시",
      email: "billing@gn.go.kr",
      "preferred_locales[0]": "ko",
      "metadata[tenantId]": tenantId,
      "metadata[businessRegistrationNumber]": "1388105406",
      "tax_id_data[0][type]": "kr_brn",
      "tax_id_data[0][value]": "138-81-05406",
    });
    expect(created?.headers.authorization).toBe("Bearer sk_test_double");
    expect(created?.headers["idempotency-key"]).toBe(`tenant-customer-${tenantId}`);
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.stripeCustomerId).toBe(customerId);
    const audit = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.findMany({ where: { tenantId, action: "billing.customer.create" } }),
    );
    expect(audit).toHaveLength(1);
  });

  it("leaves the tax id out when the organisation has not given its registration number", async () => {
    const tenantId = await city();
    const before = double.requests.length;
    await ensureCustomer(db, stripe, tenantId);
    const [created] = requestsFor("POST", "/v1/customers", before);
    expect([...(created?.form.keys() ?? [])].some((key) => key.startsWith("tax_id_data"))).toBe(false);
  });
});

describe("subscribing", () => {
  it("invoices with 30 days to pay by default, on the plan's Stripe price, tagged with tenant and plan", async () => {
    const tenantId = await city({ businessRegistrationNumber: "2208100001", status: "trial" });
    const before = double.requests.length;
    const admin = await db.platform.user.create({
      data: { email: `admin-${tenantId}@gn.go.kr`, displayName: "관리자" },
    });
    const result = await subscribe(db, stripe, tenantId, "standard_yearly", undefined, {
      actorUserId: admin.id,
    });

    const [lookup] = requestsFor("GET", "/v1/prices", before);
    expect(lookup?.query.get("lookup_keys[0]")).toBe("standard_yearly");
    const [created] = requestsFor("POST", "/v1/subscriptions", before);
    const form = Object.fromEntries(created?.form ?? []);
    expect(form).toMatchObject({
      collection_method: "send_invoice",
      days_until_due: "30",
      "items[0][price]": "price_standard_yearly",
      "metadata[tenantId]": tenantId,
      "metadata[planCode]": "standard_yearly",
    });
    expect(form.customer).toMatch(/^cus_/);
    expect(form).not.toHaveProperty("payment_behavior");

    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant).toMatchObject({
      stripeSubscriptionId: result.subscriptionId,
      subscriptionStatus: "active",
      planCode: "standard_yearly",
      status: "active",
    });
    const audit = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.findMany({ where: { tenantId, action: "billing.subscription.update" } }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: admin.id,
      before: { status: "trial", subscriptionStatus: null },
      after: { status: "active", subscriptionStatus: "active", planCode: "standard_yearly" },
    });
  });

  it("charges a card when asked, waiting for the first payment", async () => {
    const tenantId = await city();
    const before = double.requests.length;
    const result = await subscribe(db, stripe, tenantId, "starter_monthly", {
      collection: "charge_automatically",
    });
    const [created] = requestsFor("POST", "/v1/subscriptions", before);
    expect(created?.form.get("collection_method")).toBe("charge_automatically");
    expect(created?.form.get("payment_behavior")).toBe("default_incomplete");
    expect(created?.form.has("days_until_due")).toBe(false);
    expect(result.status).toBe("incomplete");
  });

  it("refuses a second subscription while one is live, an unknown plan and a plan Stripe has no price for", async () => {
    const tenantId = await city();
    await subscribe(db, stripe, tenantId, "starter_monthly");
    await expect(subscribe(db, stripe, tenantId, "large_yearly")).rejects.toBeInstanceOf(
      AlreadySubscribedError,
    );
    const other = await city();
    await expect(subscribe(db, stripe, other, "gold_monthly")).rejects.toBeInstanceOf(UnknownPlanError);
    double.priceLookupKeys = new Set(["starter_monthly"]);
    try {
      await expect(subscribe(db, stripe, other, "metro_yearly")).rejects.toBeInstanceOf(
        PlanPriceMissingError,
      );
    } finally {
      double.priceLookupKeys = null;
    }
  });
});

describe("invoices", () => {
  it("lists the customer's invoices with number, date, amount in won, status and payment link", async () => {
    const created = Math.floor(Date.parse("2026-10-01T00:00:00Z") / 1000);
    double.invoices.push(
      invoiceObject({
        customerId: "cus_listed",
        subscriptionId: "sub_1",
        status: "open",
        total: 8_000_000,
        created,
        number: "GN-0001",
      }),
      invoiceObject({
        customerId: "cus_someone_else",
        subscriptionId: "sub_2",
        status: "paid",
        total: 1,
        created,
      }),
    );
    const invoices = await listInvoices(stripe, "cus_listed");
    expect(invoices).toEqual([
      expect.objectContaining({
        number: "GN-0001",
        created: new Date(created * 1000),
        total: 8_000_000,
        currency: "krw",
        status: "open",
        hostedInvoiceUrl: expect.stringMatching(/^https:\/\/invoice\.stripe\.com\//),
      }),
    ]);
  });

  it("fails with Stripe's connection error when Stripe cannot be reached", async () => {
    const unreachable = stripeClient({
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_API_URL: "http://127.0.0.1:9",
    });
    await expect(listInvoices(unreachable, "cus_x")).rejects.toMatchObject({ type: "StripeConnectionError" });
  });
});

describe("the business registration number", () => {
  it("is stored as ten digits when its check digit is right, audited, and refused otherwise", async () => {
    const tenantId = await city();
    expect(await setBusinessRegistrationNumber(db, tenantId, "138-81-05406")).toEqual({
      ok: true,
      value: "1388105406",
    });
    expect(await setBusinessRegistrationNumber(db, tenantId, "138-81-05407")).toEqual({ ok: false });
    expect(await setBusinessRegistrationNumber(db, tenantId, "12345")).toEqual({ ok: false });
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant.businessRegistrationNumber).toBe("1388105406");
    const audit = await db.withTenant(tenantId, (tx) =>
      tx.auditLog.findMany({ where: { tenantId, action: "billing.business_registration_number.update" } }),
    );
    expect(audit.map((row) => row.after)).toEqual([{ businessRegistrationNumber: "1388105406" }]);
  });
});
