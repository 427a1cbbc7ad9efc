import { applyStripeEvent, StripeEventNotFoundError } from "@mentoring/billing";
import { config } from "@mentoring/config";
import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

/**
 * Applies one stored Stripe event to its tenant (packages/billing). Idempotent: a second run finds the
 * event processed and does nothing. The job is enqueued in the transaction that stored the event, so a
 * missing event will never appear: that fails for good.
 */
export const handleStripeEvent: JobHandler<"billing.stripe-event"> = async ({ eventId }, { db, log }) => {
  try {
    const result = await applyStripeEvent(db, eventId, new Date(), config().BILLING_GRACE_DAYS);
    log.info({ eventId, ...result }, "Stripe event handled");
    return result;
  } catch (error) {
    if (error instanceof StripeEventNotFoundError) throw new UnrecoverableError(error.message);
    throw error;
  }
};
