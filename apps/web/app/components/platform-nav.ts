import type { NavItem } from "./shell";

/** The operator's pages, for the navigation. */
export const platformNav: NavItem[] = [
  { to: "/platform", label: "nav.platformTenants" },
  { to: "/platform/applications", label: "nav.applications" },
  { to: "/platform/billing", label: "billing.nav.platform" },
];
