import { listTenants } from "@mentoring/tenants";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { platformLoader } from "../services/route-builder.server";

export const handle = pageTitle("platform.tenants.title");

/** The operator's list of organisations: names and status only, never their staff data. */
export const loader = platformLoader({ permission: "platform.tenants.view" }, async ({ user, services }) => ({
  tenants: await listTenants(services.db),
  userName: user.displayName,
}));

export default function PlatformTenants() {
  const { t } = useTranslation();
  const { tenants, userName } = useLoaderData<typeof loader>();
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("platform.tenants.title")}</h1>
      <DataTable
        caption={t("platform.tenants.title")}
        captionHidden
        rows={tenants}
        rowKey={(tenant) => tenant.id}
        empty={t("platform.tenants.none")}
        columns={[
          { key: "name", header: t("platform.tenants.name"), cell: (tenant) => tenant.name },
          { key: "slug", header: t("platform.tenants.slug"), cell: (tenant) => `/${tenant.slug}` },
          {
            key: "kind",
            header: t("platform.tenants.kind"),
            cell: (tenant) => t(`tenantKind.${tenant.kind}`),
          },
          {
            key: "region",
            header: t("platform.tenants.region"),
            cell: (tenant) => t(`region.${tenant.region}`, { defaultValue: tenant.region }),
          },
          {
            key: "status",
            header: t("platform.tenants.status"),
            cell: (tenant) => t(`tenantStatus.${tenant.status}`),
          },
        ]}
      />
    </Shell>
  );
}
