import type { loadTenantBilling } from "../services/billing.server";
import { formatDateTime, formatMoney, formatNumber } from "../services/format.server";

type TenantBilling = Awaited<ReturnType<typeof loadTenantBilling>>;

/** The tenant's billing page: dates, amounts and counts worded for the reader. */
export function presentTenantBilling(billing: TenantBilling, locale: string, timeZone: string) {
  const day = (iso: string | null) =>
    iso ? formatDateTime(new Date(iso), locale, timeZone, { dateStyle: "long" }) : "–";
  return {
    ...billing,
    text: {
      bannerDate: day(billing.access.banner?.date ?? null),
      price: billing.plan ? formatMoney(billing.plan.priceKrw, locale) : "",
      currentPeriodEnd: day(billing.currentPeriodEnd),
      staffCount: formatNumber(billing.staffCount, locale),
      monthly: formatMoney(billing.suggested.monthlyKrw, locale),
      yearly: formatMoney(billing.suggested.yearlyKrw, locale),
    },
    invoices: billing.invoices.map((invoice) => ({
      ...invoice,
      createdText: day(invoice.created),
      dueDateText: day(invoice.dueDate),
      totalText: formatMoney(invoice.total, locale, invoice.currency.toUpperCase()),
    })),
  };
}
