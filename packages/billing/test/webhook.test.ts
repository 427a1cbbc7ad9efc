import { randomBytes } from "node:crypto";
import type { Database } from "@mentoring/db";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyStripeEvent,
  enforceGracePeriods,
  receiveStripeWebhook,
  StripeWebhookSignatureError,
  stripeClient,
} from "../src/index";
import { invoiceEvent, signedWebhook, subscriptionEvent } from "../src/testing";

const SECRET = "whsec_test_billing_webhooks";
const GRACE_DAYS = 14;
const DAY = 24 * 3600;
const T0 = Math.floor(Date.parse("2026-11-02T01:00:00Z") / 1000);
const at = (seconds: number) => new Date(seconds * 1000);

const stripe = stripeClient({ STRIPE_SECRET_KEY: "sk_test_local", STRIPE_API_URL: undefined });
let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(async () => {
  await testDb?.drop();
});

/** A city that has subscribed: Stripe customer and subscription, active. */
async function subscribedCity() {
  const suffix = randomBytes(4).toString("hex");
  const customerId = `cus_${suffix}`;
  const subscriptionId = `sub_${suffix}`;
  const tenant = await db.platform.tenant.create({
    data: {
      slug: `yongin-${suffix}`,
      name: "용인특례시",
      kind: "basic_government",
      region: "경기도",
      status: "active",
      stripeCustomerId: customerId,
      stripeSubscriptionId: subscriptionId,
      subscriptionStatus: "active",
      planCode: "large_yearly",
    },
  });
  const fixture = {
    customerId,
    subscriptionId,
    status: "active",
    planCode: "large_yearly",
    periodEnd: T0 + 365 * DAY,
    tenantId: tenant.id,
  };
  return { tenantId: tenant.id, customerId, subscriptionId, fixture };
}

async function deliver(event: object) {
  const { body, header } = signedWebhook(event, SECRET);
  return receiveStripeWebhook(db, stripe, body, header, SECRET);
}

async function deliverAndApply(event: { id: string }, now: Date) {
  await deliver(event);
  return applyStripeEvent(db, event.id, now, GRACE_DAYS);
}

const billingOf = (tenantId: string) =>
  db.platform.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: {
      status: true,
      subscriptionStatus: true,
      planCode: true,
      pastDueSince: true,
      currentPeriodEnd: true,
      subscriptionUpdatedAt: true,
    },
  });

const auditOf = (tenantId: string) =>
  db.withTenant(tenantId, (tx) =>
    tx.auditLog.findMany({
      where: { tenantId, action: "billing.subscription.update" },
      orderBy: { at: "asc" },
    }),
  );

async function storedEvents(eventId: string) {
  const [row] = await db.platform.$queryRaw<{ events: number; jobs: number }[]>`
    select (select count(*)::int from stripe_events where id = ${eventId}) as events,
           (select count(*)::int from outbox_events
             where job_name = 'billing.stripe-event' and payload->>'eventId' = ${eventId}) as jobs`;
  return row;
}

describe("receiving a webhook", () => {
  it("rejects a request signed with another secret and stores nothing", async () => {
    const { fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, fixture);
    const { body, header } = signedWebhook(event, "whsec_someone_else");
    await expect(receiveStripeWebhook(db, stripe, body, header, SECRET)).rejects.toBeInstanceOf(
      StripeWebhookSignatureError,
    );
    expect(await storedEvents(event.id)).toEqual({ events: 0, jobs: 0 });
  });

  it("rejects a body changed after signing, a missing header and a replayed old signature", async () => {
    const { fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, fixture);
    const { body, header } = signedWebhook(event, SECRET);
    const tampered = body.replace('"status":"active"', '"status":"canceled"');
    await expect(receiveStripeWebhook(db, stripe, tampered, header, SECRET)).rejects.toThrow(
      StripeWebhookSignatureError,
    );
    await expect(receiveStripeWebhook(db, stripe, body, null, SECRET)).rejects.toThrow(
      StripeWebhookSignatureError,
    );
    const old = signedWebhook(event, SECRET, Math.floor(Date.now() / 1000) - 3600);
    await expect(receiveStripeWebhook(db, stripe, old.body, old.header, SECRET)).rejects.toThrow(
      StripeWebhookSignatureError,
    );
    expect(await storedEvents(event.id)).toEqual({ events: 0, jobs: 0 });
  });

  it("rejects a signature dated in the future beyond five minutes, which Stripe's own check lets through", async () => {
    const { fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.deleted", T0, fixture);
    const now = Math.floor(Date.now() / 1000);
    const ahead = signedWebhook(event, SECRET, now + 3600);
    await expect(receiveStripeWebhook(db, stripe, ahead.body, ahead.header, SECRET)).rejects.toThrow(
      /in the future/,
    );
    const barely = signedWebhook(event, SECRET, now + 6 * 60);
    await expect(receiveStripeWebhook(db, stripe, barely.body, barely.header, SECRET)).rejects.toThrow(
      StripeWebhookSignatureError,
    );
    // A present time put first does not hide the future one the SDK verifies (it reads the last "t=").
    const disguised = `t=${now},${ahead.header}`;
    await expect(receiveStripeWebhook(db, stripe, ahead.body, disguised, SECRET)).rejects.toThrow(
      /in the future/,
    );
    expect(await storedEvents(event.id)).toEqual({ events: 0, jobs: 0 });
  });

  it("accepts a signature a little ahead of this clock (the sender's clock may run fast)", async () => {
    const { fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, fixture);
    const { body, header } = signedWebhook(event, SECRET, Math.floor(Date.now() / 1000) + 60);
    await expect(receiveStripeWebhook(db, stripe, body, header, SECRET)).resolves.toMatchObject({
      isNew: true,
    });
  });

  it("stores an event delivered twice once, and queues one job for it", async () => {
    const { fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, fixture);
    expect(await deliver(event)).toEqual({ eventId: event.id, type: event.type, isNew: true });
    expect(await deliver(event)).toEqual({ eventId: event.id, type: event.type, isNew: false });
    expect(await storedEvents(event.id)).toEqual({ events: 1, jobs: 1 });
  });

  it("stores events it does not handle as done, without a job", async () => {
    const { customerId } = await subscribedCity();
    const event = {
      ...subscriptionEvent("customer.subscription.updated", T0, {
        customerId,
        subscriptionId: "sub_x",
        status: "active",
        planCode: "starter_monthly",
        periodEnd: T0,
      }),
      type: "customer.updated",
    };
    expect((await deliver(event)).isNew).toBe(true);
    expect(await storedEvents(event.id)).toEqual({ events: 1, jobs: 0 });
    expect(await applyStripeEvent(db, event.id, new Date(), GRACE_DAYS)).toEqual({
      outcome: "already_processed",
    });
  });
});

describe("applying events to the tenant", () => {
  it("changes the state once for the same event applied twice, even at the same moment", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, { ...fixture, status: "past_due" });
    await deliver(event);
    await deliver(event);
    const now = at(T0 + DAY);
    const outcomes = await Promise.all([
      applyStripeEvent(db, event.id, now, GRACE_DAYS),
      applyStripeEvent(db, event.id, now, GRACE_DAYS),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["already_processed", "applied"]);
    expect(await applyStripeEvent(db, event.id, now, GRACE_DAYS)).toEqual({ outcome: "already_processed" });
    expect((await billingOf(tenantId)).subscriptionStatus).toBe("past_due");
    const audit = await auditOf(tenantId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: null,
      entityType: "tenant",
      before: { subscriptionStatus: "active", pastDueSince: null },
      after: { subscriptionStatus: "past_due", pastDueSince: at(T0).toISOString() },
    });
  });

  it("ends in the state of 'updated' when 'created' arrives after it", async () => {
    const { tenantId, fixture } = await subscribedCity();
    await db.platform.tenant.update({
      where: { id: tenantId },
      data: { stripeSubscriptionId: null, subscriptionStatus: null, planCode: null },
    });
    const created = subscriptionEvent("customer.subscription.created", T0, {
      ...fixture,
      status: "active",
      planCode: "standard_monthly",
    });
    const updated = subscriptionEvent("customer.subscription.updated", T0 + 90, {
      ...fixture,
      status: "active",
      planCode: "large_yearly",
    });
    const now = at(T0 + 120);
    expect((await deliverAndApply(updated, now)).outcome).toBe("applied");
    expect(await deliverAndApply(created, now)).toMatchObject({ outcome: "ignored", reason: "stale" });
    expect(await billingOf(tenantId)).toMatchObject({
      status: "active",
      subscriptionStatus: "active",
      planCode: "large_yearly",
      currentPeriodEnd: at(fixture.periodEnd),
      subscriptionUpdatedAt: at(T0 + 90),
    });
  });

  it("treats 'created' as the older of two events stamped in the same second", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const created = subscriptionEvent("customer.subscription.created", T0, {
      ...fixture,
      status: "incomplete",
    });
    const updated = subscriptionEvent("customer.subscription.updated", T0, { ...fixture, status: "active" });
    await deliverAndApply(updated, at(T0 + 5));
    await deliverAndApply(created, at(T0 + 5));
    expect((await billingOf(tenantId)).subscriptionStatus).toBe("active");
  });

  it("keeps a past-due tenant fully usable during the grace period", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, { ...fixture, status: "past_due" });
    await deliverAndApply(event, at(T0 + 3 * DAY));
    expect(await billingOf(tenantId)).toMatchObject({ status: "active", pastDueSince: at(T0) });
  });

  it("makes the tenant read-only when it is past due beyond the grace period", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, { ...fixture, status: "past_due" });
    await deliverAndApply(event, at(T0 + (GRACE_DAYS + 1) * DAY));
    expect(await billingOf(tenantId)).toMatchObject({
      status: "read_only",
      subscriptionStatus: "past_due",
      pastDueSince: at(T0),
    });
    const [audit] = await auditOf(tenantId);
    expect(audit).toMatchObject({
      before: { status: "active", subscriptionStatus: "active" },
      after: { status: "read_only", subscriptionStatus: "past_due" },
    });
  });

  it("makes the tenant read-only on the daily re-check once the grace period runs out without events", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const event = subscriptionEvent("customer.subscription.updated", T0, { ...fixture, status: "past_due" });
    await deliverAndApply(event, at(T0 + DAY));
    expect(await enforceGracePeriods(db, at(T0 + (GRACE_DAYS - 1) * DAY), GRACE_DAYS)).not.toContain(
      tenantId,
    );
    expect((await billingOf(tenantId)).status).toBe("active");
    expect(await enforceGracePeriods(db, at(T0 + GRACE_DAYS * DAY), GRACE_DAYS)).toContain(tenantId);
    expect((await billingOf(tenantId)).status).toBe("read_only");
    expect(await enforceGracePeriods(db, at(T0 + (GRACE_DAYS + 1) * DAY), GRACE_DAYS)).not.toContain(
      tenantId,
    );
    expect(await auditOf(tenantId)).toHaveLength(2);
  });

  it("restores a read-only tenant to active when the overdue invoice is paid", async () => {
    const { tenantId, fixture, customerId, subscriptionId } = await subscribedCity();
    const pastDue = subscriptionEvent("customer.subscription.updated", T0, {
      ...fixture,
      status: "past_due",
    });
    await deliverAndApply(pastDue, at(T0 + 20 * DAY));
    expect((await billingOf(tenantId)).status).toBe("read_only");

    const paid = invoiceEvent("invoice.paid", T0 + 21 * DAY, {
      customerId,
      subscriptionId,
      status: "paid",
      total: 20_000_000,
    });
    expect((await deliverAndApply(paid, at(T0 + 21 * DAY))).outcome).toBe("applied");
    expect(await billingOf(tenantId)).toMatchObject({
      status: "active",
      subscriptionStatus: "active",
      pastDueSince: null,
    });
    // Stripe's own "updated" (active) that follows changes nothing more.
    const updated = subscriptionEvent("customer.subscription.updated", T0 + 21 * DAY, fixture);
    expect((await deliverAndApply(updated, at(T0 + 21 * DAY))).outcome).toBe("unchanged");
    expect(await auditOf(tenantId)).toHaveLength(2);
  });

  it("marks a failed payment as past due from the moment it failed", async () => {
    const { tenantId, customerId, subscriptionId } = await subscribedCity();
    const failed = invoiceEvent("invoice.payment_failed", T0, {
      customerId,
      subscriptionId,
      status: "open",
      total: 800_000,
    });
    await deliverAndApply(failed, at(T0 + 60));
    expect(await billingOf(tenantId)).toMatchObject({
      status: "active",
      subscriptionStatus: "past_due",
      pastDueSince: at(T0),
    });
  });

  it("makes a canceled subscription read-only and keeps the tenant, never closing it", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const deleted = subscriptionEvent("customer.subscription.deleted", T0, {
      ...fixture,
      status: "canceled",
    });
    await deliverAndApply(deleted, at(T0 + 60));
    expect(await billingOf(tenantId)).toMatchObject({ status: "read_only", subscriptionStatus: "canceled" });
  });

  it("ignores the end of an old subscription once a new one replaced it", async () => {
    const { tenantId, fixture } = await subscribedCity();
    const oldOne = subscriptionEvent("customer.subscription.deleted", T0 + 60, {
      ...fixture,
      subscriptionId: "sub_replaced_long_ago",
      status: "canceled",
    });
    expect(await deliverAndApply(oldOne, at(T0 + 120))).toMatchObject({
      outcome: "ignored",
      reason: "other_subscription",
    });
    expect(await billingOf(tenantId)).toMatchObject({ status: "active", subscriptionStatus: "active" });
  });

  it("records events of customers no tenant has, and changes nothing", async () => {
    const event = subscriptionEvent("customer.subscription.updated", T0, {
      customerId: "cus_not_ours",
      subscriptionId: "sub_not_ours",
      status: "canceled",
      planCode: "starter_monthly",
      periodEnd: T0,
    });
    expect(await deliverAndApply(event, at(T0))).toEqual({
      outcome: "no_tenant",
      customerId: "cus_not_ours",
    });
    const [row] = await db.platform.$queryRaw<{ error: string | null; processed: boolean }[]>`
      select error, processed_at is not null as processed from stripe_events where id = ${event.id}`;
    expect(row).toEqual({ error: "no tenant has Stripe customer cus_not_ours", processed: true });
  });

  it("never changes a closed tenant", async () => {
    const { tenantId, fixture } = await subscribedCity();
    await db.platform.tenant.update({ where: { id: tenantId }, data: { status: "closed" } });
    await deliverAndApply(subscriptionEvent("customer.subscription.deleted", T0, fixture), at(T0));
    expect(await billingOf(tenantId)).toMatchObject({ status: "closed", subscriptionStatus: "canceled" });
  });
});
