import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { loadPlatformBilling } from "../services/billing.server";
import { formatDateTime, formatMoney } from "../services/format.server";
import { platformRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { tenantName } from "../services/tenant-display";

/** The operator's billing overview: every organisation's plan and status, and MRR in won. */
export const loader = platformRoute("platform.billing.view", async ({ request, context, user }) => {
  const billing = await loadPlatformBilling(context.services);
  const locale = await localeOf(request);
  return {
    ...billing,
    // Dates on Korean time, the operator's, whatever each organisation's zone.
    tenants: billing.tenants.map((tenant) => ({
      ...tenant,
      periodEndText: tenant.currentPeriodEnd
        ? formatDateTime(new Date(tenant.currentPeriodEnd), locale, "Asia/Seoul", { dateStyle: "medium" })
        : "–",
      mrrText: formatMoney(tenant.mrrKrw, locale),
    })),
    totalMrrText: formatMoney(billing.totalMrrKrw, locale),
    userName: user.displayName,
  };
});

export default function PlatformBilling() {
  const { t, i18n } = useTranslation();
  const { tenants, totalMrrText, userName } = useLoaderData<typeof loader>();
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("billing.platform.title")}</h1>
      <p>
        <strong>{t("billing.platform.totalMrr")}</strong>: <span data-testid="total-mrr">{totalMrrText}</span>{" "}
        ({t("billing.platform.mrrNote")})
      </p>
      {tenants.length === 0 ? (
        <p>{t("billing.platform.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("billing.platform.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("billing.platform.tenant")}</th>
                <th scope="col">{t("billing.platform.plan")}</th>
                <th scope="col">{t("billing.platform.subscriptionStatus")}</th>
                <th scope="col">{t("billing.platform.tenantStatus")}</th>
                <th scope="col">{t("billing.platform.periodEnd")}</th>
                <th scope="col">{t("billing.platform.mrr")}</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((tenant) => (
                <tr key={tenant.id}>
                  <th scope="row">{tenantName(tenant, i18n.language)}</th>
                  <td>
                    {tenant.band && tenant.interval
                      ? `${t(`billing.band.${tenant.band}`)} · ${t(`billing.interval.${tenant.interval}`)}`
                      : t("billing.summary.noPlan")}
                  </td>
                  <td>{t(`billing.status.${tenant.subscriptionStatus ?? "none"}`)}</td>
                  <td>{t(`tenantStatus.${tenant.status}`)}</td>
                  <td>{tenant.periodEndText}</td>
                  <td>{tenant.mrrText}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("billing.platform.total")}</th>
                <td colSpan={4} />
                <td>{totalMrrText}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Shell>
  );
}
