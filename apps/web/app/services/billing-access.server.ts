import { config } from "@mentoring/config";
import type { Tenant } from "@mentoring/db";
import { type AccessReason, accessFor } from "@mentoring/domain";
import type { MessageKey } from "@mentoring/i18n";

export type TenantAccessFields = Pick<
  Tenant,
  "status" | "subscriptionStatus" | "pastDueSince" | "trialEndsAt"
>;

export interface BillingBanner {
  tone: "warning" | "error";
  /** i18n key of the headline: billing.banner.readOnly or billing.banner.pastDue (takes {{date}}). */
  messageKey: "billing.banner.readOnly" | "billing.banner.pastDue";
  /** i18n key of the line that says why, under billing.banner.reason. */
  reasonKey: MessageKey | null;
  /** For {{date}}: the end of the grace period (ISO), to be formatted in the tenant's time zone. */
  date: string | null;
}

export interface TenantAccessState {
  readOnly: boolean;
  reason: AccessReason | "operator";
  /** Past due: when full access ends unless paid (ISO). */
  graceEndsAt: string | null;
  banner: BillingBanner | null;
}

/**
 * What the layout shows and what write actions should check: read-only when billing says so right now
 * (the grace rule is applied here too, so a tenant whose grace period ran out since the last Stripe event
 * is read-only at once) or when the tenant's status says so (set by billing or by the operator).
 */
export function tenantAccessState(
  tenant: TenantAccessFields,
  now: Date,
  graceDays: number = config().BILLING_GRACE_DAYS,
): TenantAccessState {
  const decision = accessFor({
    status: tenant.subscriptionStatus,
    pastDueSince: tenant.pastDueSince,
    trialEndsAt: tenant.trialEndsAt,
    now,
    graceDays,
  });
  const graceEndsAt = decision.graceEndsAt?.toISOString() ?? null;
  if (decision.access === "read_only") {
    return {
      readOnly: true,
      reason: decision.reason,
      graceEndsAt,
      banner: {
        tone: "error",
        messageKey: "billing.banner.readOnly",
        reasonKey: `billing.banner.reason.${decision.reason}`,
        date: graceEndsAt,
      },
    };
  }
  if (tenant.status === "read_only") {
    return {
      readOnly: true,
      reason: "operator",
      graceEndsAt,
      banner: {
        tone: "error",
        messageKey: "billing.banner.readOnly",
        reasonKey: "billing.banner.reason.operator",
        date: null,
      },
    };
  }
  if (decision.reason === "past_due_grace") {
    return {
      readOnly: false,
      reason: decision.reason,
      graceEndsAt,
      banner: { tone: "warning", messageKey: "billing.banner.pastDue", reasonKey: null, date: graceEndsAt },
    };
  }
  return { readOnly: false, reason: decision.reason, graceEndsAt, banner: null };
}
