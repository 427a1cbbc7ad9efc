import type { Config } from "@mentoring/config";
import Stripe from "stripe";

export type { Stripe };

/**
 * The real Stripe SDK. When STRIPE_API_URL is set (tests only) every call goes to that host instead of
 * api.stripe.com; nothing else changes, so tests exercise the same code path as production.
 */
export function stripeClient(config: Pick<Config, "STRIPE_SECRET_KEY" | "STRIPE_API_URL">): Stripe {
  const target = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : null;
  return new Stripe(config.STRIPE_SECRET_KEY, {
    // A page waiting on Stripe should fail in seconds with a message, not hang for the SDK's 80 s.
    timeout: 10_000,
    maxNetworkRetries: 1,
    telemetry: false,
    appInfo: { name: "mentoring-platform" },
    ...(target && {
      protocol: target.protocol === "https:" ? "https" : "http",
      host: target.hostname,
      port: target.port || (target.protocol === "https:" ? 443 : 80),
    }),
  });
}
