import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { loadPlatformBilling } from "../services/billing.server";
import { platformRoute } from "../services/guard.server";
import { tenantName } from "../services/tenant-display";

/** The operator's billing overview: every organisation's plan and status, and MRR in won. */
export const loader = platformRoute("platform.billing.view", async ({ context, user }) => ({
  ...(await loadPlatformBilling(context.services)),
  userName: user.displayName,
}));

export default function PlatformBilling() {
  const { t, i18n } = useTranslation();
  const { tenants, totalMrrKrw, userName } = useLoaderData<typeof loader>();
  const won = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "KRW" });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "Asia/Seoul" });
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("billing.platform.title")}</h1>
      <p>
        <strong>{t("billing.platform.totalMrr")}</strong>:{" "}
        <span data-testid="total-mrr">{won.format(totalMrrKrw)}</span> ({t("billing.platform.mrrNote")})
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
                  <td>{tenant.currentPeriodEnd ? date.format(new Date(tenant.currentPeriodEnd)) : "–"}</td>
                  <td>{won.format(tenant.mrrKrw)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("billing.platform.total")}</th>
                <td colSpan={4} />
                <td>{won.format(totalMrrKrw)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Shell>
  );
}
