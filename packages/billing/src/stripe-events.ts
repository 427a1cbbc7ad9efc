import type { Database, TenantDb } from "@mentoring/db";
import { accessFor, tenantStatusFor } from "@mentoring/domain";
import { enqueue } from "@mentoring/jobs";
import Stripe from "stripe";
import { StripeEventNotFoundError, StripeWebhookSignatureError } from "./errors";
import { customerIdOf, invoiceSubscriptionId, subscriptionStateOf } from "./subscription-state";
import {
  type TenantBilling,
  type TenantBillingChanges,
  tenantBillingSelect,
  updateTenantBilling,
} from "./tenant-billing";

/** The events that change a tenant's billing state; others are stored (as done) and not handled. */
export const handledEventTypes = new Set([
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
]);

/** How far ahead of this clock a signature may be dated (clocks drift): as Stripe's tolerance behind. */
const FUTURE_TOLERANCE_SECONDS = 5 * 60;

/**
 * The time a Stripe-Signature header was signed at, read as the SDK reads it (the last "t=" item wins),
 * so that the time checked is the time whose signature was verified.
 */
function signedAtOf(header: string): number {
  let signedAt = Number.NaN;
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t") signedAt = Number.parseInt(value ?? "", 10);
  }
  return signedAt;
}

/**
 * What storing an event needs of it, checked after its signature: Stripe's events always have these, so a
 * signed body without them (an array, an event without its id, `created` in words or beyond any date) did
 * not come from Stripe as it should. PostgreSQL's jsonb refuses a NUL character in any string, so none may
 * appear in the event either.
 */
function isStorableEvent(event: unknown): event is Pick<Stripe.Event, "id" | "type" | "created"> {
  if (typeof event !== "object" || event === null || Array.isArray(event)) return false;
  const { id, type, created } = event as Record<string, unknown>;
  return (
    typeof id === "string" &&
    /^[A-Za-z0-9_]{1,255}$/.test(id) &&
    typeof type === "string" &&
    /^[a-z0-9_.]{1,255}$/.test(type) &&
    typeof created === "number" &&
    Number.isSafeInteger(created) &&
    created >= 0 &&
    created <= MAX_CREATED_SECONDS &&
    !holdsNul(event)
  );
}

/** 9999-12-31: later than any event, earlier than what PostgreSQL's timestamps stop at. */
const MAX_CREATED_SECONDS = 253_402_214_400;

function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, inner]) => key.includes("\u0000") || holdsNul(inner));
}

export interface ReceivedEvent {
  eventId: string;
  type: string;
  /** False when the event had been received before (Stripe retries and may deliver twice). */
  isNew: boolean;
}

/**
 * Takes a webhook request as Stripe sent it. The raw body must be the exact bytes received: the signature
 * covers them. A bad or missing signature throws StripeWebhookSignatureError and nothing is stored.
 * Otherwise the event is stored once by its id and, in the same transaction, its job is enqueued for the
 * worker, so an event is either stored and queued or neither.
 */
export async function receiveStripeWebhook(
  db: Database,
  stripe: Stripe,
  rawBody: string | Buffer,
  signatureHeader: string | null | undefined,
  secret: string,
): Promise<ReceivedEvent> {
  if (!signatureHeader) throw new StripeWebhookSignatureError("no Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signatureHeader, secret);
  } catch (error) {
    // A signature error, or a signed body that is not an event: neither came from Stripe as it should.
    throw new StripeWebhookSignatureError(
      error instanceof Stripe.errors.StripeSignatureVerificationError ? error.message : "unreadable event",
    );
  }
  if (!isStorableEvent(event)) throw new StripeWebhookSignatureError("signed body is not a Stripe event");
  // The SDK refuses signatures older than its tolerance but not ones dated ahead: a request signed for
  // tomorrow (with a leaked secret, or captured and held) would stay replayable until then. The
  // timestamp is covered by the signature just verified.
  if (!(signedAtOf(signatureHeader) <= Math.floor(Date.now() / 1000) + FUTURE_TOLERANCE_SECONDS))
    throw new StripeWebhookSignatureError("signature timestamp is in the future");
  const handled = handledEventTypes.has(event.type);
  const payload = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
  const isNew = await db.platform.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      insert into stripe_events (id, type, payload, stripe_created_at, processed_at)
      values (${event.id}, ${event.type}, ${payload}::jsonb, to_timestamp(${event.created}),
              case when ${handled} then null else now() end)
      on conflict (id) do nothing`;
    if (inserted === 0) return false;
    if (handled) await enqueue(tx, "billing.stripe-event", { eventId: event.id });
    return true;
  });
  return { eventId: event.id, type: event.type, isNew };
}

export type ApplyOutcome =
  | { outcome: "applied" | "unchanged"; tenantId: string }
  | { outcome: "ignored"; tenantId: string; reason: IgnoreReason }
  | { outcome: "already_processed" }
  | { outcome: "no_tenant"; customerId: string | null };

type IgnoreReason = "stale" | "other_subscription" | "nothing_to_change" | "unhandled_type";

type Plan = { kind: "apply"; changes: TenantBillingChanges } | { kind: "ignore"; reason: IgnoreReason };

const ENDED = new Set(["canceled", "incomplete_expired"]);

/**
 * Applies one stored event to its tenant, once: an event already processed is a no-op, and the event row
 * stays locked while it is applied, so two workers cannot apply it twice. Subscription events older than
 * the last one applied are skipped (Stripe does not promise order), so "updated" arriving before
 * "created" ends in the state of "updated". The tenant's status follows accessFor: read-only once past
 * due beyond the grace period, active again when paid; never closed, nothing deleted. Every change is
 * audited in the tenant, with no actor.
 */
export async function applyStripeEvent(
  db: Database,
  eventId: string,
  now: Date,
  graceDays: number,
): Promise<ApplyOutcome> {
  const [row] = await db.platform.$queryRaw<{ payload: string; processed: boolean }[]>`
    select payload::text as payload, processed_at is not null as processed from stripe_events
    where id = ${eventId}`;
  if (!row) throw new StripeEventNotFoundError(eventId);
  if (row.processed) return { outcome: "already_processed" };
  const event = JSON.parse(row.payload) as Stripe.Event;
  const customerId = customerIdOf(event.data.object as { customer?: string | { id: string } | null });
  const tenant = customerId
    ? await db.platform.tenant.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } })
    : null;

  if (!tenant) {
    // Not ours (another product on the same Stripe account) or a customer made by hand: keep it visible.
    await db.platform.$executeRaw`
      update stripe_events set processed_at = ${now}, error = ${`no tenant has Stripe customer ${customerId}`}
      where id = ${eventId} and processed_at is null`;
    return { outcome: "no_tenant", customerId };
  }

  return db.withTenant(tenant.id, async (tx): Promise<ApplyOutcome> => {
    const [locked] = await tx.$queryRaw<{ processed: boolean }[]>`
      select processed_at is not null as processed from stripe_events where id = ${eventId} for update`;
    if (!locked || locked.processed) return { outcome: "already_processed" };
    const current = await lockTenant(tx, tenant.id);
    const plan = planEvent(event, current, now, graceDays);
    const changed = plan.kind === "apply" && (await updateTenantBilling(tx, current, plan.changes, {}));
    await tx.stripeEvent.update({ where: { id: eventId }, data: { processedAt: now, error: null } });
    if (plan.kind === "ignore") return { outcome: "ignored", tenantId: tenant.id, reason: plan.reason };
    return { outcome: changed ? "applied" : "unchanged", tenantId: tenant.id };
  });
}

async function lockTenant(tx: TenantDb, tenantId: string): Promise<TenantBilling> {
  await tx.$queryRaw`select id from tenants where id = ${tenantId}::uuid for update`;
  return tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: tenantBillingSelect });
}

/** The new subscription status with what follows from it: past-due start, tenant status. */
function withConsequences(
  tenant: TenantBilling,
  changes: TenantBillingChanges & { subscriptionStatus: string },
  at: Date,
  now: Date,
  graceDays: number,
): Plan {
  const status = changes.subscriptionStatus;
  const pastDueSince =
    status === "past_due"
      ? tenant.subscriptionStatus === "past_due"
        ? (tenant.pastDueSince ?? at)
        : at
      : status === "active" || status === "trialing"
        ? null
        : tenant.pastDueSince;
  const decision = accessFor({ status, pastDueSince, trialEndsAt: tenant.trialEndsAt, now, graceDays });
  return {
    kind: "apply",
    changes: { ...changes, pastDueSince, status: tenantStatusFor({ current: tenant.status, decision }) },
  };
}

function planEvent(event: Stripe.Event, tenant: TenantBilling, now: Date, graceDays: number): Plan {
  const at = new Date(event.created * 1000);
  const last = tenant.subscriptionUpdatedAt?.getTime();
  // Stripe's clock has whole seconds: at a tie, "created" is the older of the two by nature.
  const stale =
    last !== undefined &&
    (at.getTime() < last || (at.getTime() === last && event.type === "customer.subscription.created"));

  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      if (stale) return { kind: "ignore", reason: "stale" };
      const state = subscriptionStateOf(event.data.object);
      const status = event.type === "customer.subscription.deleted" ? "canceled" : state.status;
      // The end of an old subscription says nothing about the one that replaced it.
      if (
        tenant.stripeSubscriptionId &&
        tenant.stripeSubscriptionId !== state.subscriptionId &&
        ENDED.has(status)
      )
        return { kind: "ignore", reason: "other_subscription" };
      return withConsequences(
        tenant,
        {
          stripeSubscriptionId: state.subscriptionId,
          subscriptionStatus: status,
          planCode: state.planCode ?? tenant.planCode,
          currentPeriodEnd: state.currentPeriodEnd,
          subscriptionUpdatedAt: at,
        },
        at,
        now,
        graceDays,
      );
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const subscriptionId = invoiceSubscriptionId(event.data.object);
      if (!subscriptionId || subscriptionId !== tenant.stripeSubscriptionId)
        return { kind: "ignore", reason: "other_subscription" };
      if (stale) return { kind: "ignore", reason: "stale" };
      const paid = event.type === "invoice.paid";
      const from = tenant.subscriptionStatus ?? "";
      if (paid ? !["past_due", "unpaid", "incomplete"].includes(from) : from !== "active")
        return { kind: "ignore", reason: "nothing_to_change" };
      return withConsequences(
        tenant,
        { subscriptionStatus: paid ? "active" : "past_due", subscriptionUpdatedAt: at },
        at,
        now,
        graceDays,
      );
    }
    default:
      return { kind: "ignore", reason: "unhandled_type" };
  }
}

/**
 * The daily re-check: tenants whose grace period (or platform trial) ran out since the last event become
 * read-only, audited. Returns the ids of the tenants it changed.
 */
export async function enforceGracePeriods(db: Database, now: Date, graceDays: number): Promise<string[]> {
  const candidates = await db.platform.tenant.findMany({
    where: {
      status: { in: ["trial", "active"] },
      OR: [{ subscriptionStatus: "past_due" }, { subscriptionStatus: null, trialEndsAt: { lte: now } }],
    },
    select: { id: true },
  });
  const changed: string[] = [];
  for (const { id } of candidates) {
    const didChange = await db.withTenant(id, async (tx) => {
      const tenant = await lockTenant(tx, id);
      const decision = accessFor({
        status: tenant.subscriptionStatus,
        pastDueSince: tenant.pastDueSince,
        trialEndsAt: tenant.trialEndsAt,
        now,
        graceDays,
      });
      return updateTenantBilling(
        tx,
        tenant,
        { status: tenantStatusFor({ current: tenant.status, decision }) },
        {},
      );
    });
    if (didChange) changed.push(id);
  }
  return changed;
}
