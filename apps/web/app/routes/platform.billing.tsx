import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { presentPlatformBilling } from "../presenters/platform-billing.server";
import { loadPlatformBilling } from "../services/billing.server";
import { platformLoader } from "../services/route-builder.server";
import { subscriptionStatusOf } from "../services/stored-codes";

export const handle = pageTitle("billing.platform.title");

/** The operator's billing overview: every organisation's plan and status, and MRR in won. */
export const loader = platformLoader(
  { permission: "platform.billing.view" },
  async ({ user, locale, services }) => ({
    ...presentPlatformBilling(await loadPlatformBilling(services), locale),
    userName: user.displayName,
  }),
);

export default function PlatformBilling() {
  const { t } = useTranslation();
  const { tenants, totalMrrText, userName } = useLoaderData<typeof loader>();
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("billing.platform.title")}</h1>
      <p>
        <strong>{t("billing.platform.totalMrr")}</strong>: <span data-testid="total-mrr">{totalMrrText}</span>{" "}
        ({t("billing.platform.mrrNote")})
      </p>
      <DataTable
        caption={t("billing.platform.caption")}
        rows={tenants}
        rowKey={(tenant) => tenant.id}
        empty={t("billing.platform.none")}
        columns={[
          { key: "tenant", header: t("billing.platform.tenant"), cell: (tenant) => tenant.displayName },
          {
            key: "plan",
            header: t("billing.platform.plan"),
            cell: (tenant) =>
              tenant.band && tenant.interval
                ? `${t(`billing.band.${tenant.band}`)} · ${t(`billing.interval.${tenant.interval}`)}`
                : t("billing.summary.noPlan"),
          },
          {
            key: "subscriptionStatus",
            header: t("billing.platform.subscriptionStatus"),
            cell: (tenant) => t(`billing.status.${subscriptionStatusOf(tenant.subscriptionStatus)}`),
          },
          {
            key: "tenantStatus",
            header: t("billing.platform.tenantStatus"),
            cell: (tenant) => t(`tenantStatus.${tenant.status}`),
          },
          {
            key: "periodEnd",
            header: t("billing.platform.periodEnd"),
            cell: (tenant) => tenant.periodEndText,
          },
          { key: "mrr", header: t("billing.platform.mrr"), numeric: true, cell: (tenant) => tenant.mrrText },
        ]}
        footer={
          <tr>
            <th scope="row">{t("billing.platform.total")}</th>
            <td colSpan={4} />
            <td className="numeric">{totalMrrText}</td>
          </tr>
        }
      />
    </Shell>
  );
}
