import type { ErrorTable } from "./error-table";

/** A tenant's subscription: its business registration number, and starting it with Stripe. */
export const billingErrors = {
  "billing.brn_invalid": { status: 400, message: "billing.brn.invalid" },
  "billing.already_subscribed": { status: 409, message: "billing.error.already_subscribed" },
  "billing.unknown_plan": { status: 422, message: "billing.error.unknown_plan" },
  "billing.price_missing": { status: 422, message: "billing.error.price_missing" },
  "billing.tenant_not_found": { status: 422, message: "billing.error.tenant_not_found" },
  "billing.stripe_unavailable": { status: 503, message: "billing.error.stripe_unavailable" },
} as const satisfies ErrorTable;
