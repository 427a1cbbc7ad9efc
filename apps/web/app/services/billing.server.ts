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
import { countActiveStaff } from "@mentoring/directory";
import {
  AppError,
  type AppErrorCode,
  appErrors,
  type BillingInterval,
  parsePlanCode,
  planForDirectorySize,
  planOf,
} from "@mentoring/domain";
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
  const staffCount = await db.withTenant(tenant.id, (tx) => countActiveStaff(tx, { tenantId: tenant.id }));
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

interface Acting {
  tenant: TenantAccess["tenant"];
  actorUserId: string;
  requestId: string;
}

/** Saves the registration number; one that is not a valid number is refused beside its field. */
export async function saveBusinessRegistrationNumber(
  services: Services,
  { tenant, actorUserId, requestId, text }: Acting & { text: string },
): Promise<void> {
  const saved = await setBusinessRegistrationNumber(services.db, tenant.id, text, { actorUserId, requestId });
  if (!saved.ok) {
    const message = appErrors["billing.brn_invalid"].message;
    const fields = [{ path: "businessRegistrationNumber", message, params: {} }];
    throw new AppError("billing.brn_invalid", {}, { fields });
  }
}

/** What the billing package refuses a subscription for, as the page's refusals. */
const subscribeRefusals: Partial<Record<BillingError["code"], AppErrorCode>> = {
  tenant_not_found: "billing.tenant_not_found",
  unknown_plan: "billing.unknown_plan",
  price_missing: "billing.price_missing",
  already_subscribed: "billing.already_subscribed",
};

/**
 * Starts the subscription on the plan that fits the directory (the server decides the band), after
 * storing the registration number that goes on the customer and every invoice. Refusals are AppErrors,
 * Stripe's own failures (unreachable, refused) among them: the admin can try again later.
 */
export async function startSubscription(
  services: Services,
  {
    tenant,
    actorUserId,
    requestId,
    email,
    input,
  }: Acting & {
    email: string;
    input: {
      businessRegistrationNumber: string;
      interval: BillingInterval;
      collection: "send_invoice" | "charge_automatically";
    };
  },
): Promise<void> {
  await saveBusinessRegistrationNumber(services, {
    tenant,
    actorUserId,
    requestId,
    text: input.businessRegistrationNumber,
  });
  const { db, config, log } = services;
  const staffCount = await db.withTenant(tenant.id, (tx) => countActiveStaff(tx, { tenantId: tenant.id }));
  const plan = planOf(planForDirectorySize(staffCount).band, input.interval);
  try {
    await subscribe(
      db,
      stripeFor(config),
      tenant.id,
      plan.code,
      input.collection === "send_invoice" ? DEFAULT_COLLECTION : { collection: "charge_automatically" },
      { actorUserId, requestId, email, graceDays: config.BILLING_GRACE_DAYS },
    );
  } catch (error) {
    const refusal = error instanceof BillingError ? subscribeRefusals[error.code] : undefined;
    if (refusal) throw new AppError(refusal);
    if (error instanceof Error && "type" in error && String(error.type).startsWith("Stripe")) {
      log.warn({ err: error, tenant: tenant.slug, requestId }, "Stripe refused or unreachable");
      throw new AppError("billing.stripe_unavailable");
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
