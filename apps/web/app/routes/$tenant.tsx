import { can } from "@mentoring/domain";
import { Outlet, useLoaderData } from "@remix-run/react";
import type { NavItem } from "../components/shell";
import { Shell } from "../components/shell";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { tenantName } from "../services/tenant-display";

/** The frame of every tenant page: its name, and the navigation the user's roles allow. */
export const loader = tenantRoute("tenant.home.view", async ({ request, tenant, membership, user }) => {
  const base = `/${tenant.slug}`;
  const nav: NavItem[] = [{ to: base, label: "nav.home" }];
  if (can(membership.roles, "members.view")) nav.push({ to: `${base}/admin/members`, label: "nav.members" });
  return { title: tenantName(tenant, await localeOf(request)), home: base, nav, userName: user.displayName };
});

export default function TenantLayout() {
  const { title, home, nav, userName } = useLoaderData<typeof loader>();
  return (
    <Shell title={title} homeTo={home} nav={nav} userName={userName}>
      <Outlet />
    </Shell>
  );
}
