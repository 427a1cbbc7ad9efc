import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumbers } from "../services/format.server";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { tenantName } from "../services/tenant-display";

/** The tenant's home: who you are here, and the size of what the platform holds for this organisation. */
export const loader = tenantRoute(
  "tenant.home.view",
  async ({ request, context, tenant, membership, user }) => {
    const counts = await context.services.db.withTenant(tenant.id, async (tx) => {
      const where = { tenantId: tenant.id };
      const [staff, departments, members, pendingInvitations] = await Promise.all([
        tx.staffMember.count({ where: { ...where, active: true } }),
        tx.department.count({ where }),
        tx.membership.count({ where }),
        tx.invitation.count({
          where: { ...where, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        }),
      ]);
      return { staff, departments, members, pendingInvitations };
    });
    const locale = await localeOf(request);
    return {
      tenant: tenantName(tenant, locale),
      name: user.displayName,
      roles: membership.roles,
      counts: formatNumbers(counts, locale),
      asOf: formatDateTime(new Date(), locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" }),
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
  ];
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
