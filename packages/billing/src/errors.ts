/** Expected billing failures, each mapped by its caller to a 4xx answer or a translated message. */
export class BillingError extends Error {
  constructor(
    readonly code:
      | "tenant_not_found"
      | "unknown_plan"
      | "price_missing"
      | "already_subscribed"
      | "invalid_signature"
      | "event_not_found",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class TenantNotFoundError extends BillingError {
  constructor(tenantId: string) {
    super("tenant_not_found", `no tenant ${tenantId}`);
  }
}

export class UnknownPlanError extends BillingError {
  constructor(planCode: string) {
    super("unknown_plan", `unknown plan ${JSON.stringify(planCode)}`);
  }
}

/** Stripe has no active price whose lookup key is the plan code: the catalogue is not set up. */
export class PlanPriceMissingError extends BillingError {
  constructor(planCode: string) {
    super("price_missing", `no active Stripe price with lookup key ${planCode}`);
  }
}

export class AlreadySubscribedError extends BillingError {
  constructor(subscriptionId: string) {
    super("already_subscribed", `the tenant already has subscription ${subscriptionId}`);
  }
}

/** The webhook request was not signed by Stripe with our secret (or is too old): nothing is stored. */
export class StripeWebhookSignatureError extends BillingError {
  constructor(reason: string) {
    super("invalid_signature", `Stripe webhook signature rejected: ${reason}`);
  }
}

export class StripeEventNotFoundError extends BillingError {
  constructor(eventId: string) {
    super("event_not_found", `no stored Stripe event ${eventId}`);
  }
}
