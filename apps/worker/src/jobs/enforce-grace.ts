import { enforceGracePeriods } from "@mentoring/billing";
import { config } from "@mentoring/config";
import type { JobHandler } from "./handler";

/**
 * The daily sweep behind the billing grace rule: Stripe sends no event when a grace period simply runs
 * out, so this turns such tenants read-only. Idempotent: a second run finds nothing left to change.
 */
export const enforceGrace: JobHandler<"billing.enforce-grace"> = async (_payload, { db, log }) => {
  const changed = await enforceGracePeriods(db, new Date(), config().BILLING_GRACE_DAYS);
  if (changed.length > 0) log.info({ tenants: changed }, "tenants made read-only after their grace period");
  return { changed: changed.length };
};
