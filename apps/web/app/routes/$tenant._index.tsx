import { getHomeCounts } from "@mentoring/tenants";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumbers } from "../services/format.server";
import { tenantLoader } from "../services/route-builder.server";
import { tenantName } from "../services/tenant-display";

type HomeCount = keyof Awaited<ReturnType<typeof getHomeCounts>>;

/**
 * The tenant's home: who you are here and, for those who administer its members, the size of what the
 * platform holds for this organisation (participants, evaluators and executives have no use for it).
 */
export const loader = tenantLoader(
  { permission: "tenant.home.view" },
  async ({ tenant, membership, user, locale, may, withTenant }) => {
    const now = new Date();
    const summary = may("members.view")
      ? {
          counts: formatNumbers(
            await withTenant((db) => getHomeCounts(db, { tenantId: tenant.id, now })),
            locale,
          ),
          asOf: formatDateTime(now, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" }),
        }
      : null;
    return { tenant: tenantName(tenant, locale), name: user.displayName, roles: membership.roles, summary };
  },
);

export default function TenantHome() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();

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
      {data.summary ? <Summary {...data.summary} /> : null}
    </>
  );
}

function Summary({ counts, asOf }: { counts: Record<HomeCount, string>; asOf: string }) {
  const { t } = useTranslation();
  const cards = [
    { label: "home.staff", value: t("home.count", { value: counts.staff }) },
    { label: "home.departments", value: t("home.countUnits", { value: counts.departments }) },
    { label: "home.members", value: t("home.count", { value: counts.members }) },
    { label: "home.pendingInvitations", value: t("home.countCases", { value: counts.pendingInvitations }) },
  ] as const;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t("home.summary")}</h2>
      <p>{t("home.asOf", { date: asOf })}</p>
      <ul className="card-grid">
        {cards.map((card) => (
          <li key={card.label} className="card">
            <p className="card__label">{t(card.label)}</p>
            <p className="card__value">{card.value}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
