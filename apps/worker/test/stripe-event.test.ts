import { receiveStripeWebhook, stripeClient } from "@mentoring/billing";
import { signedWebhook, subscriptionEvent } from "@mentoring/billing/testing";
import { config } from "@mentoring/config";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { UnrecoverableError } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../src/jobs";
import { relayBatch } from "../src/outbox-relay";
import { startWorkers } from "../src/runtime";
import { eventually, log, noMail, testRedis } from "./support";

const SECRET = "whsec_worker_test";
const DAY = 24 * 3600;
const stripe = stripeClient({ STRIPE_SECRET_KEY: "sk_test_local", STRIPE_API_URL: undefined });

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(() => {
  redis = testRedis();
});
afterEach(async () => {
  await redis.close();
});

async function subscribedCity(slug: string) {
  const tenant = await database.db.platform.tenant.create({
    data: {
      slug,
      name: slug,
      kind: "basic_government",
      region: "경기도",
      status: "active",
      stripeCustomerId: `cus_${slug}`,
      stripeSubscriptionId: `sub_${slug}`,
      subscriptionStatus: "active",
      planCode: "large_yearly",
    },
  });
  return tenant.id;
}

async function deliver(event: object) {
  const { body, header } = signedWebhook(event, SECRET);
  return receiveStripeWebhook(database.db, stripe, body, header, SECRET);
}

const runHandler = (eventId: string) =>
  handlers["billing.stripe-event"](
    { eventId },
    { db: database.db, log, mailer: noMail, progress: async () => {}, signal: new AbortController().signal },
  );

describe("billing.stripe-event", () => {
  it("makes a tenant past due beyond the grace period read-only, through the outbox and BullMQ", async () => {
    const tenantId = await subscribedCity("suwon");
    const pastDueSince = Math.floor(Date.now() / 1000) - (config().BILLING_GRACE_DAYS + 2) * DAY;
    await deliver(
      subscriptionEvent("customer.subscription.updated", pastDueSince, {
        customerId: "cus_suwon",
        subscriptionId: "sub_suwon",
        status: "past_due",
        planCode: "large_yearly",
        periodEnd: pastDueSince + 365 * DAY,
      }),
    );
    expect(await relayBatch(database.db, redis.queues, 100)).toBe(1);
    const runtime = startWorkers({
      db: database.db,
      mailer: noMail,
      handlers,
      connection: redis.consumer,
      prefix: redis.prefix,
      concurrency: 2,
      log,
      queues: ["billing"],
    });
    try {
      const tenant = await eventually(
        () => database.db.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
        (row) => row.status !== "active",
      );
      expect(tenant).toMatchObject({ status: "read_only", subscriptionStatus: "past_due" });
    } finally {
      await runtime.close(1_000);
    }
  });

  it("does nothing the second time it runs for an event", async () => {
    await subscribedCity("hwaseong");
    const event = subscriptionEvent("customer.subscription.deleted", Math.floor(Date.now() / 1000), {
      customerId: "cus_hwaseong",
      subscriptionId: "sub_hwaseong",
      status: "canceled",
      planCode: "standard_monthly",
      periodEnd: Math.floor(Date.now() / 1000),
    });
    await deliver(event);
    expect(await runHandler(event.id)).toMatchObject({ outcome: "applied" });
    expect(await runHandler(event.id)).toEqual({ outcome: "already_processed" });
  });

  it("fails for good for an event that was never stored", async () => {
    await expect(runHandler("evt_never_stored")).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
