import {
  BillingError,
  billingOverview,
  DEFAULT_COLLECTION,
  type InvoiceSummary,
  listInvoices,
  type Stripe,
  setBusinessRegistrationNumber,
  stripeClient,
  subscribe,
  tenantBillingSelect,
} from "@mentoring/billing";
import type { Config } from "@mentoring/config";
import { type BillingInterval, parsePlanCode, planForDirectorySize, planOf } from "@mentoring/domain";
import { z } from "zod";
import { tenantAccessState } from "./billing-access.server";
import type { TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

let client: { config: Config; stripe: Stripe } | undefined;

/** One Stripe client per process (it keeps connections alive). */
export function stripeFor(config: Config): Stripe {
  if (client?.config !== config) client = { config, stripe: stripeClient(config) };
  return client.stripe;
}

const LIVE = new Set(["trialing", "active", "past_due", "unpaid", "incomplete", "paused"]);

/** The tenant admin's billing page: plan, status, what the status means, invoices, the plan that fits. */
export async function loadTenantBilling(
  services: Services,
  tenant: TenantAccess["tenant"],
  now = new Date(),
) {
  const { db, config, log } = services;
  const billing = await db.platform.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: tenantBillingSelect,
  });
  const staffCount = await db.withTenant(tenant.id, (tx) =>
    tx.staffMember.count({ where: { tenantId: tenant.id, active: true } }),
  );
  let invoices: InvoiceSummary[] = [];
  let invoicesUnavailable = false;
  if (billing.stripeCustomerId) {
    try {
      invoices = await listInvoices(stripeFor(config), billing.stripeCustomerId);
    } catch (error) {
      log.warn({ err: error, tenant: tenant.slug }, "Stripe invoices unavailable");
      invoicesUnavailable = true;
    }
  }
  const band = planForDirectorySize(staffCount);
  const plan = parsePlanCode(billing.planCode);
  return {
    plan: plan && { band: plan.band, interval: plan.interval, priceKrw: plan.priceKrw },
    subscriptionStatus: billing.subscriptionStatus,
    subscribed: LIVE.has(billing.subscriptionStatus ?? ""),
    currentPeriodEnd: billing.currentPeriodEnd?.toISOString() ?? null,
    pastDueSince: billing.pastDueSince?.toISOString() ?? null,
    businessRegistrationNumber: billing.businessRegistrationNumber,
    access: tenantAccessState(billing, now, config.BILLING_GRACE_DAYS),
    staffCount,
    suggested: {
      band: band.band,
      maxStaff: band.maxStaff,
      monthlyKrw: band.monthlyKrw,
      yearlyKrw: band.yearlyKrw,
    },
    invoices: invoices.map((invoice) => ({
      ...invoice,
      created: invoice.created.toISOString(),
      dueDate: invoice.dueDate?.toISOString() ?? null,
    })),
    invoicesUnavailable,
  };
}

export const brnForm = z.object({
  businessRegistrationNumber: z.string().trim().min(1, "form.required"),
});

export const subscribeForm = brnForm.extend({
  interval: z.enum(["monthly", "yearly"]),
  collection: z.enum(["send_invoice", "charge_automatically"]),
});

interface Acting {
  tenant: TenantAccess["tenant"];
  actorUserId: string;
  requestId: string;
}

/** Saves the registration number; the error is an i18n key. */
export async function saveBusinessRegistrationNumber(
  services: Services,
  { tenant, actorUserId, requestId, text }: Acting & { text: string },
): Promise<{ ok: true } | { ok: false; field: string }> {
  const saved = await setBusinessRegistrationNumber(services.db, tenant.id, text, { actorUserId, requestId });
  return saved.ok ? { ok: true } : { ok: false, field: "billing.brn.invalid" };
}

/**
 * Starts the subscription on the plan that fits the directory (the server decides the band), after
 * storing the registration number that goes on the customer and every invoice.
 */
export async function startSubscription(
  services: Services,
  {
    tenant,
    actorUserId,
    requestId,
    email,
    input,
  }: Acting & { email: string; input: z.infer<typeof subscribeForm> },
): Promise<{ ok: true } | { ok: false; field?: string; error?: string }> {
  const saved = await saveBusinessRegistrationNumber(services, {
    tenant,
    actorUserId,
    requestId,
    text: input.businessRegistrationNumber,
  });
  if (!saved.ok) return saved;
  const { db, config, log } = services;
  const staffCount = await db.withTenant(tenant.id, (tx) =>
    tx.staffMember.count({ where: { tenantId: tenant.id, active: true } }),
  );
  const plan = planOf(planForDirectorySize(staffCount).band, input.interval as BillingInterval);
  try {
    await subscribe(
      db,
      stripeFor(config),
      tenant.id,
      plan.code,
      input.collection === "send_invoice" ? DEFAULT_COLLECTION : { collection: "charge_automatically" },
      { actorUserId, requestId, email, graceDays: config.BILLING_GRACE_DAYS },
    );
    return { ok: true };
  } catch (error) {
    if (error instanceof BillingError) return { ok: false, error: `billing.error.${error.code}` };
    // Stripe's own errors (unreachable, refused): the admin can try again later.
    if (error instanceof Error && "type" in error && String(error.type).startsWith("Stripe")) {
      log.warn({ err: error, tenant: tenant.slug, requestId }, "Stripe refused or unreachable");
      return { ok: false, error: "billing.error.stripe_unavailable" };
    }
    throw error;
  }
}

/** The operator's view: every tenant's plan and status, and monthly recurring revenue. */
export async function loadPlatformBilling(services: Services) {
  const { tenants, totalMrrKrw } = await billingOverview(services.db);
  return {
    totalMrrKrw,
    tenants: tenants.map((tenant) => ({
      ...tenant,
      band: parsePlanCode(tenant.planCode)?.band ?? null,
      interval: parsePlanCode(tenant.planCode)?.interval ?? null,
      currentPeriodEnd: tenant.currentPeriodEnd?.toISOString() ?? null,
      pastDueSince: tenant.pastDueSince?.toISOString() ?? null,
    })),
  };
}
