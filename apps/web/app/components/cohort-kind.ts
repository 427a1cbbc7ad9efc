import { type ApplicationRole, type ProgramKind, recruitedRoles } from "@mentoring/domain";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loader as cohortFrameLoader } from "../routes/$tenant.programs.cohorts.$cohortId";

/** The cohort pages' frame route, whose loader reads the cohort's kind once for all of them. */
const cohortFrame = "routes/$tenant.programs.cohorts.$cohortId";

/** The kind of program the cohort of the page shown runs (a page under the cohort pages' frame). */
export function useCohortKind(): ProgramKind {
  return useRouteLoaderData<typeof cohortFrameLoader>(cohortFrame)?.cohortKind ?? "standard";
}

/**
 * The roles people apply as in the cohort of the page shown, and what each is called there: a junior
 * board's members (위원) hold the mentor role, and nobody applies as a mentee.
 */
export function useRecruitedRoles(): {
  roles: readonly ApplicationRole[];
  roleName: (role: ApplicationRole) => string;
} {
  const kind = useCohortKind();
  const { t } = useTranslation();
  return {
    roles: recruitedRoles(kind),
    roleName: (role) => (kind === "board" ? t("board.memberRole") : t(`recruitment.role.${role}`)),
  };
}
