import type { Database } from "@mentoring/db";
import {
  accessFor,
  parseBusinessRegistrationNumber,
  parsePlanCode,
  tenantStatusFor,
} from "@mentoring/domain";
import type Stripe from "stripe";
import {
  AlreadySubscribedError,
  PlanPriceMissingError,
  TenantNotFoundError,
  UnknownPlanError,
} from "./errors";
import { subscriptionStateOf } from "./subscription-state";
import { type Actor, type TenantBilling, tenantBillingSelect, updateTenantBilling } from "./tenant-billing";

/**
 * How Stripe collects: `send_invoice` e-mails an invoice payable by bank transfer within `daysUntilDue`
 * (public procurement: a contract, then invoices on net terms); `charge_automatically` charges a card.
 */
export type Collection =
  | { collection: "send_invoice"; daysUntilDue: number }
  | { collection: "charge_automatically" };

export const DEFAULT_COLLECTION: Collection = { collection: "send_invoice", daysUntilDue: 30 };

/** Subscription statuses after which a tenant may subscribe again. */
const ENDED = new Set(["canceled", "incomplete_expired"]);

async function readTenant(db: Database, tenantId: string): Promise<TenantBilling> {
  const tenant = await db.platform.tenant.findUnique({
    where: { id: tenantId },
    select: tenantBillingSelect,
  });
  if (!tenant) throw new TenantNotFoundError(tenantId);
  return tenant;
}

/** "1234567890" → "123-45-67890", the form Stripe's `kr_brn` tax id expects. */
export const formatBusinessRegistrationNumber = (digits: string) =>
  `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;

/**
 * The tenant's Stripe customer, created on first use: the organisation's name, `metadata.tenantId` (to
 * find the tenant from Stripe's side), Korean as the invoice language, the e-mail invoices go to, and the
 * business registration number as a `kr_brn` tax id, which Stripe prints on every invoice. Stripe's
 * idempotency key makes two concurrent first calls create one customer.
 */
export async function ensureCustomer(
  db: Database,
  stripe: Stripe,
  tenantId: string,
  { email, ...actor }: Actor & { email?: string } = {},
): Promise<string> {
  const tenant = await readTenant(db, tenantId);
  if (tenant.stripeCustomerId) return tenant.stripeCustomerId;
  const brn = tenant.businessRegistrationNumber
    ? parseBusinessRegistrationNumber(tenant.businessRegistrationNumber)
    : null;
  const customer = await stripe.customers.create(
    {
      name: tenant.name,
      ...(email && { email }),
      preferred_locales: ["ko"],
      metadata: { tenantId, ...(brn && { businessRegistrationNumber: brn }) },
      ...(brn && { tax_id_data: [{ type: "kr_brn", value: formatBusinessRegistrationNumber(brn) }] }),
    },
    { idempotencyKey: `tenant-customer-${tenantId}` },
  );
  return db.withTenant(tenantId, async (tx) => {
    const current = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: tenantBillingSelect,
    });
    if (current.stripeCustomerId) return current.stripeCustomerId;
    await updateTenantBilling(
      tx,
      current,
      { stripeCustomerId: customer.id },
      { ...actor, action: "billing.customer.create" },
    );
    return customer.id;
  });
}

/**
 * Starts the tenant's subscription on a plan (a Stripe price whose lookup key is the plan code), by
 * invoice with net terms unless told otherwise. The tenant mirrors the new subscription at once; the
 * webhook events that follow keep it current.
 */
export async function subscribe(
  db: Database,
  stripe: Stripe,
  tenantId: string,
  planCode: string,
  collection: Collection = DEFAULT_COLLECTION,
  {
    now = new Date(),
    graceDays = 14,
    ...options
  }: Actor & { email?: string; now?: Date; graceDays?: number } = {},
): Promise<{ subscriptionId: string; status: string }> {
  const plan = parsePlanCode(planCode);
  if (!plan) throw new UnknownPlanError(planCode);
  const tenant = await readTenant(db, tenantId);
  if (tenant.stripeSubscriptionId && !ENDED.has(tenant.subscriptionStatus ?? ""))
    throw new AlreadySubscribedError(tenant.stripeSubscriptionId);
  const customerId = await ensureCustomer(db, stripe, tenantId, options);
  const prices = await stripe.prices.list({ lookup_keys: [plan.code], active: true, limit: 1 });
  const price = prices.data[0];
  if (!price) throw new PlanPriceMissingError(plan.code);

  const subscription = await stripe.subscriptions.create(
    {
      customer: customerId,
      items: [{ price: price.id }],
      metadata: { tenantId, planCode: plan.code },
      ...(collection.collection === "send_invoice"
        ? { collection_method: "send_invoice", days_until_due: collection.daysUntilDue }
        : { collection_method: "charge_automatically", payment_behavior: "default_incomplete" }),
    },
    // A retry after a lost answer gets the same subscription, not a second one.
    { idempotencyKey: `tenant-subscribe-${tenantId}-${tenant.stripeSubscriptionId ?? "first"}-${plan.code}` },
  );

  const state = subscriptionStateOf(subscription);
  await db.withTenant(tenantId, async (tx) => {
    const current = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: tenantBillingSelect,
    });
    const decision = accessFor({
      status: state.status,
      pastDueSince: null,
      trialEndsAt: current.trialEndsAt,
      now,
      graceDays,
    });
    await updateTenantBilling(
      tx,
      current,
      {
        stripeSubscriptionId: state.subscriptionId,
        subscriptionStatus: state.status,
        planCode: state.planCode ?? plan.code,
        currentPeriodEnd: state.currentPeriodEnd,
        pastDueSince: null,
        status: tenantStatusFor({ current: current.status, decision }),
      },
      options,
    );
  });
  return { subscriptionId: subscription.id, status: subscription.status };
}

export interface InvoiceSummary {
  id: string;
  number: string | null;
  created: Date;
  dueDate: Date | null;
  /** In the currency's own unit; for KRW (no minor unit) that is won. */
  total: number;
  amountDue: number;
  currency: string;
  status: string | null;
  hostedInvoiceUrl: string | null;
}

/** The customer's latest invoices, newest first. */
export async function listInvoices(
  stripe: Stripe,
  customerId: string,
  limit = 24,
): Promise<InvoiceSummary[]> {
  const invoices = await stripe.invoices.list({ customer: customerId, limit });
  return invoices.data.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    created: new Date(invoice.created * 1000),
    dueDate: invoice.due_date ? new Date(invoice.due_date * 1000) : null,
    total: invoice.total,
    amountDue: invoice.amount_due,
    currency: invoice.currency,
    status: invoice.status,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
  }));
}

/**
 * Stores the organisation's business registration number (ten digits, check digit verified), audited.
 * Returns false when the text is not a valid number.
 */
export async function setBusinessRegistrationNumber(
  db: Database,
  tenantId: string,
  text: string,
  actor: Actor = {},
): Promise<{ ok: true; value: string } | { ok: false }> {
  const value = parseBusinessRegistrationNumber(text);
  if (!value) return { ok: false };
  await db.withTenant(tenantId, async (tx) => {
    const current = await tx.tenant.findUnique({ where: { id: tenantId }, select: tenantBillingSelect });
    if (!current) throw new TenantNotFoundError(tenantId);
    await updateTenantBilling(
      tx,
      current,
      { businessRegistrationNumber: value },
      { ...actor, action: "billing.business_registration_number.update" },
    );
  });
  return { ok: true, value };
}
