import { boardMemberRole } from "./board-proposal";
import { type CalendarDate, compareCalendarDates } from "./calendar-date";
import type { CohortSchedule, ScheduleField } from "./cohort-schedule";
import type { ProgramKind } from "./program-template";

/** A cohort moves forward through these, one step at a time; `closed` is final. */
export const cohortStatuses = [
  "draft",
  "recruiting",
  "orientation",
  "matching",
  "active",
  "evaluation",
  "closed",
] as const;
export type CohortStatus = (typeof cohortStatuses)[number];

/**
 * The statuses a cohort of this kind goes through, in order. A junior board forms no teams: its members go
 * from recruitment straight to activities, without orientation, matching and the pairing ceremony.
 */
export function cohortPathOf(kind: ProgramKind = "standard"): readonly CohortStatus[] {
  return kind === "board"
    ? cohortStatuses.filter((status) => status !== "orientation" && status !== "matching")
    : cohortStatuses;
}

/** The status after `status` for a cohort of this kind, or null for a closed cohort. */
export function nextStatus(
  status: CohortStatus,
  kind: ProgramKind = "standard",
): Exclude<CohortStatus, "draft"> | null {
  const path = cohortPathOf(kind);
  // Draft comes first, so the status after any other is never draft. A status off the kind's path (a board
  // cannot be in matching) has no next one.
  const index = path.indexOf(status);
  if (index < 0) return null;
  return (path[index + 1] as Exclude<CohortStatus, "draft"> | undefined) ?? null;
}

/** The date on which each status begins: what the timeline shows and the scheduler acts on. */
export const statusStartsOn: Record<Exclude<CohortStatus, "draft">, ScheduleField> = {
  recruiting: "recruitmentStart",
  orientation: "orientation",
  matching: "matching",
  active: "activitiesStart",
  evaluation: "evaluationStart",
  closed: "close",
};

/** What the rules look at besides the cohort's own status and dates; gathered by the caller. */
export interface TransitionFacts {
  today: CalendarDate;
  /** The cohort's program kind; absent means a mentoring program (standard). */
  kind?: ProgramKind;
  /** Accepted applications per role. */
  accepted: { mentor: number; mentee: number };
  /** Survey rounds of the pre phase still open (not closed by the coordinator or by their date). */
  openPreSurveys: number;
  /** Teams published from a matching run. */
  publishedTeams: number;
  /**
   * Post-survey answers over every opened post round: participants expected (accepted applications in
   * each round's roles, summed over rounds) and answers submitted.
   */
  postSurveys: { submitted: number; expected: number };
}

/**
 * Closing a cohort with fewer post-survey answers than this (whole percent of those expected) asks the
 * coordinator to confirm: once closed, the evaluation has only what was answered.
 */
export const CLOSING_POST_SURVEY_THRESHOLD = 80;

/**
 * Whether the post-survey stands too low to close without asking: under the threshold, counted in whole
 * answers (39 of 50 is 78%, under; 40 of 50 is 80%, not). No expected answers is not low.
 */
export function postSurveyCompletionLow(post: { submitted: number; expected: number }): boolean {
  if (post.expected <= 0) return false;
  return Math.min(post.submitted, post.expected) * 100 < CLOSING_POST_SURVEY_THRESHOLD * post.expected;
}

/**
 * Why a transition may not happen now. `overridable` problems are judgement calls a coordinator may
 * overrule (the override is audited); the others hold regardless.
 */
export interface TransitionProblem {
  code:
    | "transition.not_next"
    | "transition.closed"
    | "transition.too_early"
    | "transition.no_accepted"
    | "transition.no_members"
    | "transition.surveys_open"
    | "transition.no_teams"
    | "transition.post_surveys_incomplete";
  overridable: boolean;
  params: Record<string, string | number>;
}

/**
 * Every problem with moving a cohort from `from` to `to` given the facts: empty means the move may go
 * ahead. Only the next status is reachable.
 */
export function transitionProblems(
  from: CohortStatus,
  to: CohortStatus,
  schedule: CohortSchedule,
  facts: TransitionFacts,
): TransitionProblem[] {
  if (from === "closed") return [{ code: "transition.closed", overridable: false, params: {} }];
  const kind = facts.kind ?? "standard";
  if (nextStatus(from, kind) !== to)
    return [{ code: "transition.not_next", overridable: false, params: { from, to } }];

  const problems: TransitionProblem[] = [];
  const startsOn = schedule[statusStartsOn[to as Exclude<CohortStatus, "draft">]];
  // Opening recruitment is the coordinator's announcement; every later phase waits for its date.
  if (to !== "recruiting" && compareCalendarDates(facts.today, startsOn) < 0) {
    problems.push({ code: "transition.too_early", overridable: true, params: { date: startsOn } });
  }
  if (to === "orientation") {
    for (const role of ["mentor", "mentee"] as const) {
      if (facts.accepted[role] === 0) {
        problems.push({ code: "transition.no_accepted", overridable: false, params: { role } });
      }
    }
  }
  if (to === "matching" && facts.openPreSurveys > 0) {
    problems.push({
      code: "transition.surveys_open",
      overridable: true,
      params: { count: facts.openPreSurveys },
    });
  }
  // A junior board starts its activities with its members, and has no teams.
  if (kind === "board" && to === "active" && facts.accepted[boardMemberRole] === 0) {
    problems.push({ code: "transition.no_members", overridable: false, params: {} });
  }
  if (kind !== "board" && to === "active" && facts.publishedTeams === 0) {
    problems.push({ code: "transition.no_teams", overridable: false, params: {} });
  }
  if (to === "closed" && postSurveyCompletionLow(facts.postSurveys)) {
    const { submitted, expected } = facts.postSurveys;
    problems.push({
      code: "transition.post_surveys_incomplete",
      overridable: true,
      params: {
        submitted,
        expected,
        percent: Math.floor((Math.min(submitted, expected) * 100) / expected),
        threshold: CLOSING_POST_SURVEY_THRESHOLD,
      },
    });
  }
  return problems;
}

/** Whether the problems allow the move: none at all, or only overridable ones and the coordinator overrides. */
export function transitionAllowed(problems: TransitionProblem[], override: boolean): boolean {
  return problems.every((problem) => override && problem.overridable);
}

/**
 * The transition the scheduler should make today, if any. Dates move a cohort only when they arrive:
 * a boundary on or before `checkedOn` (the last day the schedule was looked at, or set) was already
 * passed when the coordinator chose it, and is theirs to act on. A draft is never opened by date, and a
 * move with any problem (even an overridable one) waits for the coordinator.
 */
export function dueTransition(
  status: CohortStatus,
  schedule: CohortSchedule,
  checkedOn: CalendarDate,
  facts: TransitionFacts,
): CohortStatus | null {
  const to = nextStatus(status, facts.kind);
  if (status === "draft" || to === null) return null;
  const startsOn = schedule[statusStartsOn[to as Exclude<CohortStatus, "draft">]];
  const arrived =
    compareCalendarDates(startsOn, checkedOn) > 0 && compareCalendarDates(startsOn, facts.today) <= 0;
  if (!arrived) return null;
  return transitionProblems(status, to, schedule, facts).length === 0 ? to : null;
}

/** Applications may be made only while recruiting; withdrawn until matching starts. */
export function acceptsApplications(status: CohortStatus): boolean {
  return status === "recruiting";
}

export function allowsWithdrawal(status: CohortStatus): boolean {
  return status === "recruiting" || status === "orientation";
}
