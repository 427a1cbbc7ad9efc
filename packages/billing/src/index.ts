export { type Stripe, stripeClient } from "./client";
export {
  AlreadySubscribedError,
  BillingError,
  PlanPriceMissingError,
  StripeEventNotFoundError,
  StripeWebhookSignatureError,
  TenantNotFoundError,
  UnknownPlanError,
} from "./errors";
export { billingOverview, type TenantBillingRow } from "./overview";
export {
  type ApplyOutcome,
  applyStripeEvent,
  enforceGracePeriods,
  handledEventTypes,
  type ReceivedEvent,
  receiveStripeWebhook,
} from "./stripe-events";
export { customerIdOf, planCodeOf, type SubscriptionState, subscriptionStateOf } from "./subscription-state";
export {
  type Collection,
  DEFAULT_COLLECTION,
  ensureCustomer,
  formatBusinessRegistrationNumber,
  type InvoiceSummary,
  listInvoices,
  setBusinessRegistrationNumber,
  subscribe,
} from "./subscriptions";
export { type TenantBilling, tenantBillingSelect } from "./tenant-billing";
