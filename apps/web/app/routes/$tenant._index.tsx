import { getHomeCounts } from "@mentoring/tenants";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumbers } from "../services/format.server";
import { tenantLoader } from "../services/route-builder.server";
import { tenantName } from "../services/tenant-display";

/** The tenant's home: who you are here, and the size of what the platform holds for this organisation. */
export const loader = tenantLoader(
  { permission: "tenant.home.view" },
  async ({ tenant, membership, user, locale, withTenant }) => {
    const now = new Date();
    const counts = await withTenant((db) => getHomeCounts(db, { tenantId: tenant.id, now }));
    return {
      tenant: tenantName(tenant, locale),
      name: user.displayName,
      roles: membership.roles,
      counts: formatNumbers(counts, locale),
      asOf: formatDateTime(now, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" }),
    };
  },
);

export default function TenantHome() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();

  const cards = [
    {
      label: "home.staff",
      value: t("home.count", { value: data.counts.staff }),
    },
    {
      label: "home.departments",
      value: t("home.countUnits", { value: data.counts.departments }),
    },
    {
      label: "home.members",
      value: t("home.count", { value: data.counts.members }),
    },
    {
      label: "home.pendingInvitations",
      value: t("home.countCases", { value: data.counts.pendingInvitations }),
    },
  ] as const;
  return (
    <>
      <h1>{t("home.title", { tenant: data.tenant })}</h1>
      <p>{t("home.welcome", { name: data.name })}</p>
      <h2>{t("home.yourRoles")}</h2>
      <ul>
        {data.roles.map((role) => (
          <li key={role}>{t(`role.${role}`)}</li>
        ))}
      </ul>
      <h2>{t("home.summary")}</h2>
      <p>{t("home.asOf", { date: data.asOf })}</p>
      <ul className="card-grid">
        {cards.map((card) => (
          <li key={card.label} className="card">
            <p className="card__label">{t(card.label)}</p>
            <p className="card__value">{card.value}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
