import {
  type ApplicationRole,
  type CohortStatus,
  cohortPathOf,
  scheduleFields,
  type TransitionProblem,
} from "@mentoring/domain";
import type { CohortOverview } from "@mentoring/programs";
import type { TFunction } from "i18next";
import { formatDateTime } from "../services/format.server";
import type { FieldNamer } from "../services/route-builder.server";

/** A lifecycle problem as the page words it, and whether a coordinator may overrule it. */
export interface ProblemView {
  message: string;
  overridable: boolean;
}

/** Statuses and roles in a problem's values are words to translate, not codes to show. */
export function problemView(problem: TransitionProblem, t: TFunction): ProblemView {
  // Problem values are typed loosely; transitionProblems puts a status in `from` and `to` and an
  // application role in `role`.
  const params = Object.fromEntries(
    Object.entries(problem.params).map(([name, value]) => {
      if ((name === "from" || name === "to") && typeof value === "string")
        return [name, t(`programs.status.${value as CohortStatus}`)];
      if (name === "role" && typeof value === "string")
        return [name, t(`programs.role.${value as ApplicationRole}`)];
      return [name, value];
    }),
  );
  return { message: t(`programs.${problem.code}`, params), overridable: problem.overridable };
}

/** The phases of the timeline, each with the dates it spans. */
function timelineOf(overview: CohortOverview) {
  const { schedule } = overview;
  const spans: Record<Exclude<CohortStatus, "draft">, { from: string; to: string | null }> = {
    recruiting: { from: schedule.recruitmentStart, to: schedule.recruitmentEnd },
    orientation: { from: schedule.orientation, to: null },
    matching: { from: schedule.matching, to: schedule.ceremony },
    active: { from: schedule.activitiesStart, to: schedule.activitiesEnd },
    evaluation: { from: schedule.evaluationStart, to: schedule.evaluationEnd },
    closed: { from: schedule.close, to: null },
  };
  // A junior board's timeline has no orientation and matching: it never passes them.
  return cohortPathOf(overview.kind)
    .filter((status): status is Exclude<CohortStatus, "draft"> => status !== "draft")
    .map((status) => ({ status, ...spans[status], current: status === overview.status }));
}

/** A cohort's overview: when its status last changed, its timeline, and what stands before the next phase. */
export function presentCohortOverview(
  overview: CohortOverview,
  locale: string,
  timeZone: string,
  t: TFunction,
) {
  return {
    ...overview,
    statusChangedAt: formatDateTime(overview.statusChangedAt, locale, timeZone),
    timeline: timelineOf(overview),
    next: overview.next && {
      to: overview.next.to,
      problems: overview.next.problems.map((problem) => problemView(problem, t)),
    },
  };
}

/** What messages call the overview's fields: the schedule's dates and the reason of an override. */
export const cohortFieldName: FieldNamer = (path, t) => {
  const field = scheduleFields.find((name) => name === path);
  if (field) return t(`programs.schedule.${field}`);
  if (path === "reason") return t("programs.field.overrideReason");
  return null;
};
