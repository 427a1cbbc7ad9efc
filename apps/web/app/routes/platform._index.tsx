import { listTenants } from "@mentoring/tenants";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { platformLoader } from "../services/route-builder.server";

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
      {/* Hand-made rather than DataTable: the name is a plain cell, as the e2e specs find it. */}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("platform.tenants.name")}</th>
              <th scope="col">{t("platform.tenants.slug")}</th>
              <th scope="col">{t("platform.tenants.kind")}</th>
              <th scope="col">{t("platform.tenants.region")}</th>
              <th scope="col">{t("platform.tenants.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr key={tenant.id}>
                <td>{tenant.name}</td>
                <td>/{tenant.slug}</td>
                <td>{t(`tenantKind.${tenant.kind}`)}</td>
                <td>{t(`region.${tenant.region}`, { defaultValue: tenant.region })}</td>
                <td>{t(`tenantStatus.${tenant.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Shell>
  );
}
