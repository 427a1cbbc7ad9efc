import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NavItem } from "../components/shell";
import { Shell } from "../components/shell";
import { tenantAccessState } from "../services/billing-access.server";
import { formatDateTime } from "../services/format.server";
import { tenantLoader } from "../services/route-builder.server";
import { tenantName } from "../services/tenant-display";

/**
 * The frame of every tenant page: its name, the notifications bell with the unread count, and the
 * navigation the user's roles allow.
 */
export const loader = tenantLoader(
  { permission: "tenant.home.view" },
  async ({ tenant, user, membership, locale, may }) => {
    const base = `/${tenant.slug}`;
    const nav: NavItem[] = [{ to: base, label: "nav.home" }];
    const pages = [
      { permission: "applications.submit", to: `${base}/recruiting`, label: "recruitment.nav.title" },
      { permission: "surveys.respond", to: `${base}/surveys`, label: "surveys.nav.title" },
      { permission: "own_team.view", to: `${base}/team`, label: "matching.nav.myTeam" },
      { permission: "assignments.submit", to: `${base}/assignments`, label: "assignments.nav.mine" },
      { permission: "activities.log", to: `${base}/activities`, label: "activities.nav.mine" },
      { permission: "board.propose", to: `${base}/board`, label: "board.nav" },
      { permission: "own_team.view", to: `${base}/my-calendar`, label: "calendar.mine.title" },
      { permission: "showcase.view", to: `${base}/showcase`, label: "assignments.nav.showcase" },
      { permission: "own_team.view", to: `${base}/certificates`, label: "certificates.nav.mine" },
      { permission: "programs.view", to: `${base}/programs`, label: "programs.nav.title" },
      { permission: "certificates.sign", to: `${base}/signing`, label: "certificates.nav.signing" },
      { permission: "board.review", to: `${base}/proposals`, label: "board.boards.nav" },
      { permission: "evaluations.score", to: `${base}/evaluations`, label: "evaluations.evaluator.nav" },
      { permission: "members.view", to: `${base}/admin/members`, label: "nav.members" },
      { permission: "staff.view", to: `${base}/admin/directory`, label: "nav.directory" },
      { permission: "tenant.settings.manage", to: `${base}/admin/settings`, label: "nav.settings" },
      { permission: "tenant.settings.manage", to: `${base}/admin/sso`, label: "nav.sso" },
      {
        permission: "tenant.settings.manage",
        to: `${base}/admin/settings/retention`,
        label: "retention.settingsNav",
      },
      { permission: "privacy.review", to: `${base}/admin/privacy/retention`, label: "retention.nav" },
      { permission: "audit.view", to: `${base}/admin/audit`, label: "nav.audit" },
      { permission: "insights.compare", to: `${base}/admin/insights`, label: "insights.compare.nav" },
      { permission: "privacy.review", to: `${base}/admin/access-log`, label: "privacyLog.nav" },
      { permission: "billing.manage", to: `${base}/admin/billing`, label: "billing.nav.tenant" },
      {
        permission: "privacy.requests.handle",
        to: `${base}/admin/correction-requests`,
        label: "myData.adminNav",
      },
      { permission: "own_data.manage", to: `${base}/my-data`, label: "myData.nav" },
    ] as const;
    for (const page of pages) if (may(page.permission)) nav.push({ to: page.to, label: page.label });
    const banner = tenantAccessState(tenant, new Date()).banner;
    return {
      title: tenantName(tenant, locale),
      home: base,
      nav,
      userName: user.displayName,
      brandColor: tenant.brandColor,
      banner,
      bannerDate: banner?.date
        ? formatDateTime(new Date(banner.date), locale, tenant.timeZone, { dateStyle: "long" })
        : "",
      billingPage: may("billing.manage") ? `${base}/admin/billing` : null,
      // Read with the membership, in the request's one statement: no query of its own.
      bell: membership.staffMemberId
        ? { to: `${base}/notifications`, unread: membership.unreadNotifications }
        : null,
    };
  },
);

export default function TenantLayout() {
  const { title, home, nav, userName, brandColor, banner, bannerDate, billingPage, bell } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Shell
      title={title}
      homeTo={home}
      nav={nav}
      userName={userName}
      brandColor={brandColor}
      bell={bell}
      privacyPolicyTo={`${home}/privacy`}
    >
      {banner ? (
        <div role="status" className={`banner banner--${banner.tone}`}>
          <p>{t(banner.messageKey, { date: bannerDate })}</p>
          {banner.reasonKey ? <p>{t(banner.reasonKey)}</p> : null}
          {billingPage ? (
            <p>
              <Link to={billingPage}>{t("billing.banner.action")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <Outlet />
    </Shell>
  );
}
