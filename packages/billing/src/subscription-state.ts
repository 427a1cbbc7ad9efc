import { parsePlanCode } from "@mentoring/domain";
import type Stripe from "stripe";

/** What the platform mirrors of a Stripe subscription. */
export interface SubscriptionState {
  subscriptionId: string;
  status: Stripe.Subscription.Status;
  planCode: string | null;
  currentPeriodEnd: Date | null;
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/** The customer a subscription or invoice belongs to, whether Stripe sent it as an id or expanded. */
export const customerIdOf = (object: { customer?: string | { id: string } | null }) => idOf(object.customer);

/**
 * The plan of a subscription: the price's metadata `planCode`, else its lookup key (prices are looked up
 * by plan code), else the subscription's own metadata. Null when none names a known plan.
 */
export function planCodeOf(subscription: Stripe.Subscription): string | null {
  const candidates = subscription.items.data.flatMap((item) => [
    item.price.metadata?.planCode,
    item.price.lookup_key,
  ]);
  candidates.push(subscription.metadata?.planCode);
  for (const candidate of candidates) {
    const plan = parsePlanCode(candidate);
    if (plan) return plan.code;
  }
  return null;
}

export function subscriptionStateOf(subscription: Stripe.Subscription): SubscriptionState {
  // Since API version 2025-03-31 the period lives on each item; the subscription's ends with the last.
  const ends = subscription.items.data.map((item) => item.current_period_end).filter(Number.isFinite);
  return {
    subscriptionId: subscription.id,
    status: subscription.status,
    planCode: planCodeOf(subscription),
    currentPeriodEnd: ends.length > 0 ? new Date(Math.max(...ends) * 1000) : null,
  };
}

/** The subscription an invoice bills, if any. */
export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription);
}
