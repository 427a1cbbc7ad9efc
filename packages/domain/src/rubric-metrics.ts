import type { ComputedRubricCriterion, RubricMetric } from "./rubric";

/*
 * The formulas of the rubric's computed criteria: what the program recorded about one team becomes a
 * score on the criterion's scale, 0 to `scaleMax`, with one decimal. Pure: the caller counts (attendance,
 * submissions, activities, diagnostics), these score. The coordinator's page shows each formula in words
 * (i18n `programs.rubric.metric.<metric>.formula`).
 */

/** What the program recorded about one team, counted by the caller over the cohort's activity period. */
export interface TeamFacts {
  /** Attendance marks of the team's members at sessions that take attendance: present out of expected. */
  attendance: { present: number; expected: number };
  /** The team's assignments already due: how many were submitted on time, out of all of them. */
  assignments: { onTime: number; total: number };
  /** Activities the team logged (any kind). */
  activitiesLogged: number;
  /** Meetings and counselling sessions the team logged. */
  meetingsLogged: number;
  /** Activity months elapsed (program-calendar.ts `activityMonths`, up to today or to the end). */
  activityMonths: number;
  /**
   * The mean over the team's members who answered the diagnostic both before and after of their change
   * (post minus pre, 0-100 scale, averaged over dimensions); null when no member has both.
   */
  prePostMeanChange: number | null;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
/** One decimal, half away from zero for the positive shares these are. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Share of present attendance marks: present ÷ expected, at most 1.
 * No share while nothing was expected yet (no session taking attendance has passed).
 */
function attendanceShare(facts: TeamFacts): number | null {
  const { present, expected } = facts.attendance;
  return expected > 0 ? clamp(present / expected, 0, 1) : null;
}

/**
 * Share of assignments submitted on time: on time ÷ due, at most 1.
 * No share while no assignment has been due.
 */
function onTimeShare(facts: TeamFacts): number | null {
  const { onTime, total } = facts.assignments;
  return total > 0 ? clamp(onTime / total, 0, 1) : null;
}

/**
 * Share of a count against its target: min(count ÷ (target × activity months), 1), so a team logging
 * `target` a month every month (or more) has full marks. No share before the first activity month.
 */
function countShare(count: number, target: number, months: number): number | null {
  return months > 0 ? clamp(count / (target * months), 0, 1) : null;
}

/**
 * Share of the pre/post change against its target: clamp(change ÷ target, 0, 1), so a team whose members
 * improved by `target` points on average (or more) has full marks and one that did not improve has none.
 * No share without a member answering both diagnostics.
 */
function changeShare(change: number | null, target: number): number | null {
  return change === null ? null : clamp(change / target, 0, 1);
}

/**
 * A computed criterion's score for one team: the metric's share (0 to 1) times the criterion's
 * `scaleMax`, with one decimal; null when the facts cannot give one yet (nothing expected, no assignment
 * due, no activity month, no pre/post pair). Formulas, with S the criterion's scaleMax and T its target:
 * - attendance_rate: present ÷ expected × S
 * - assignments_on_time: on time ÷ due × S
 * - activities_logged: min(activities ÷ (T × months), 1) × S
 * - meeting_frequency: min(meetings ÷ (T × months), 1) × S
 * - prepost_change: clamp(mean change ÷ T, 0, 1) × S
 * A metric that takes a target always has one (the rubric's schema requires it).
 */
export function computedCriterionScore(criterion: ComputedRubricCriterion, facts: TeamFacts): number | null {
  const share = metricShare(criterion.source.metric, criterion.source.target, facts);
  return share === null ? null : oneDecimal(share * criterion.scaleMax);
}

function metricShare(metric: RubricMetric, target: number | undefined, facts: TeamFacts): number | null {
  switch (metric) {
    case "attendance_rate":
      return attendanceShare(facts);
    case "assignments_on_time":
      return onTimeShare(facts);
    case "activities_logged":
      return countShare(facts.activitiesLogged, requiredTarget(metric, target), facts.activityMonths);
    case "meeting_frequency":
      return countShare(facts.meetingsLogged, requiredTarget(metric, target), facts.activityMonths);
    case "prepost_change":
      return changeShare(facts.prePostMeanChange, requiredTarget(metric, target));
  }
}

function requiredTarget(metric: RubricMetric, target: number | undefined): number {
  if (target === undefined || !(target > 0))
    throw new RangeError(`${metric} needs a positive target; parse the rubric with rubricSchema first`);
  return target;
}
