import type { loadPlatformBilling } from "../services/billing.server";
import { formatDateTime, formatMoney } from "../services/format.server";
import { tenantName } from "../services/tenant-display";

type PlatformBilling = Awaited<ReturnType<typeof loadPlatformBilling>>;

/** The operator's billing overview: each organisation's name, period end and MRR worded. */
export function presentPlatformBilling(billing: PlatformBilling, locale: string) {
  return {
    // Dates on Korean time, the operator's, whatever each organisation's zone.
    tenants: billing.tenants.map((tenant) => ({
      ...tenant,
      displayName: tenantName(tenant, locale),
      periodEndText: tenant.currentPeriodEnd
        ? formatDateTime(new Date(tenant.currentPeriodEnd), locale, "Asia/Seoul", { dateStyle: "medium" })
        : "–",
      mrrText: formatMoney(tenant.mrrKrw, locale),
    })),
    totalMrrText: formatMoney(billing.totalMrrKrw, locale),
  };
}
