import { getCohortKind } from "@mentoring/programs";
import { Outlet, type ShouldRevalidateFunction } from "@remix-run/react";
import { cohortKindOf } from "../services/cohort-kinds.server";
import { forbidden } from "../services/guard.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

/**
 * The frame of a cohort's pages: it reads what kind of program the cohort runs (once per process), so that the cohort's
 * menu (components/cohort-nav.tsx) offers a junior board's pages on every page of a board, whichever page
 * it is. Loaders run in parallel, so this one checks for itself: the cohort's pages are the coordinator's
 * (programs.view) and a board's proposals the executives' too (board.review); another tenant's cohort, or
 * none, is 404. Each page's own loader still checks its own permission.
 */
export const loader = tenantLoader(
  { permission: "tenant.home.view", params: cohortParams },
  async ({ params, tenant, may, withTenantSql }) => {
    if (!may("programs.view") && !may("board.review")) throw forbidden();
    const kind = await cohortKindOf(tenant.id, params.cohortId, () =>
      withTenantSql((sql) => getCohortKind(sql, { tenantId: tenant.id, cohortId: params.cohortId })),
    );
    return { cohortKind: kind };
  },
);

/** A cohort's kind never changes: moving between its pages, or posting on one, need not ask again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentParams,
  nextParams,
  defaultShouldRevalidate,
}) =>
  currentParams.cohortId === nextParams.cohortId && currentParams.tenant === nextParams.tenant
    ? false
    : defaultShouldRevalidate;

export default function CohortFrame() {
  return <Outlet />;
}
