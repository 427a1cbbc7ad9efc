import { formsTeams } from "@mentoring/domain";
import { useCohortKind } from "./cohort-kind";
import { SubNav, type SubNavPage } from "./sub-nav";

/** The coordinator's pages of one cohort: overview and timeline, applicants, surveys, matching, ceremony and certificates, the program calendar, the teams' submissions, how often teams meet, attendance, evaluation, awards, outcomes and the dashboard. */
export function CohortNav({ tenantSlug, cohortId }: { tenantSlug: string; cohortId: string }) {
  // A junior board has no matching nor pairing ceremony, and has its members' policy proposals instead.
  const kind = useCohortKind();
  const base = `/${tenantSlug}/programs/cohorts/${cohortId}`;
  const pages = [
    { to: base, label: "programs.cohortNav.overview", end: true },
    { to: `${base}/applicants`, label: "programs.cohortNav.applicants", end: false },
    { to: `${base}/surveys`, label: "programs.cohortNav.surveys", end: false },
    { to: `${base}/matching`, label: "programs.cohortNav.matching", end: false },
    { to: `${base}/certificates`, label: "programs.cohortNav.certificates", end: false },
    { to: `${base}/calendar`, label: "programs.cohortNav.calendar", end: false },
    { to: `${base}/submissions`, label: "assignments.nav.review", end: false },
    { to: `${base}/progress`, label: "activities.nav.review", end: false },
    { to: `${base}/attendance`, label: "attendance.nav.review", end: false },
    { to: `${base}/evaluation`, label: "evaluations.coordinator.nav", end: false },
    { to: `${base}/awards`, label: "awards.nav", end: false },
    { to: `${base}/outcomes`, label: "programs.outcomes.page.nav", end: false },
    { to: `${base}/report`, label: "reports.nav", end: false },
    { to: `${base}/dashboard`, label: "dashboards.nav", end: false },
  ] as const;
  const teamPages = new Set<string>([`${base}/matching`, `${base}/certificates`]);
  const shown: SubNavPage[] = formsTeams(kind)
    ? [...pages]
    : [
        ...pages.filter((page) => !teamPages.has(page.to)),
        { to: `${base}/proposals`, label: "board.cohortNav.proposals", end: false },
      ];
  return <SubNav label="programs.cohortNav.label" pages={shown} />;
}
