import type { NavItem } from "./shell";

/** The operator's pages, for the navigation. */
export const platformNav: NavItem[] = [
  { to: "/platform", label: "nav.platformTenants" },
  { to: "/platform/applications", label: "nav.applications" },
  { to: "/platform/billing", label: "billing.nav.platform" },
  { to: "/platform/analysts", label: "insights.analysts.nav" },
];

/** The national analyst's pages: national insights and how they are made, nothing else. */
export const insightsNav: NavItem[] = [
  { to: "/insights", label: "insights.nav" },
  { to: "/insights/methodology", label: "insights.methodology.nav" },
];
