import { receiveStripeWebhook, StripeWebhookSignatureError } from "@mentoring/billing";
import { stripeFor } from "../services/billing.server";
import { webhookRoute } from "../services/guard.server";

/**
 * POST /webhooks/stripe. The signature covers the exact bytes Stripe sent, so the body is read raw here
 * (server.ts parses no bodies). A bad signature gets 400 and nothing is stored; anything accepted, new or
 * a repeat, gets 200 so Stripe stops retrying. The worker applies the event. Other methods get 405.
 */
export const action = webhookRoute(
  { methods: ["POST"], body: "stripeEvent" },
  async ({ request, context }) => {
    const { db, config, log } = context.services;
    const body = await request.text();
    try {
      const received = await receiveStripeWebhook(
        db,
        stripeFor(config),
        body,
        request.headers.get("stripe-signature"),
        config.STRIPE_WEBHOOK_SECRET,
      );
      log.info({ requestId: context.requestId, ...received }, "Stripe webhook received");
      return Response.json({ received: true });
    } catch (error) {
      if (!(error instanceof StripeWebhookSignatureError)) throw error;
      log.warn({ requestId: context.requestId, reason: error.message }, "Stripe webhook refused");
      return Response.json({ error: "invalid signature" }, { status: 400 });
    }
  },
);
export const loader = action;
