/*
 * Outcomes of a cohort: how the diagnostic scores changed from the pre to the post survey, per person, per
 * team and for the cohort; how satisfied people were; and how a cohort's change compares with an earlier
 * cohort's. Small groups are shown honestly: below MIN_PEOPLE_FOR_CLAIM people, only the direction of a
 * change is given, never an interval or a claim. Computed at full precision; rounded only for display.
 */
import type { QuestionSet } from "./program-template";
import { tQuantile } from "./student-t";
import { type DimensionScores, LIKERT_MAX, LIKERT_MIN, type SurveyAnswers, scoreChange } from "./survey";

/** Below this many people (in either cohort, for a comparison), no claim is made: direction only. */
export const MIN_PEOPLE_FOR_CLAIM = 5;
/** The confidence level of every interval. */
export const CONFIDENCE_LEVEL = 0.95;

/**
 * What may be said of a change: `too_few` (fewer than MIN_PEOPLE_FOR_CLAIM people: direction only),
 * `increase` or `decrease` (the 95% interval lies above or below 0), `no_clear_change` (it holds 0).
 */
export const changeVerdicts = ["too_few", "increase", "decrease", "no_clear_change"] as const;
export type ChangeVerdict = (typeof changeVerdicts)[number];

/** The sign of a mean change, shown however few people there are. */
export type ChangeDirection = "up" | "down" | "none";

export interface Interval {
  low: number;
  high: number;
}

/** A person's diagnostic scores at both phases; null (or absent) for a phase they were not scored at. */
export interface PrePostScores {
  pre?: DimensionScores | null;
  post?: DimensionScores | null;
}

/** The paired change (post − pre) of one dimension over a group of people. */
export interface PairedChange {
  /** People scored on the dimension at both phases; the others do not count. */
  n: number;
  /** The mean of their changes; null when n is 0. */
  mean: number | null;
  /** The standard deviation of their changes (divisor n − 1); null when n < 2. */
  sd: number | null;
  /** The 95% interval of the mean change (t with n − 1 df); null when too few for a claim. */
  interval: Interval | null;
  /** Cohen's dz, mean / sd; null when too few for a claim or when every change is the same (sd 0). */
  effectSize: number | null;
  /** The sign of the mean; null when n is 0. */
  direction: ChangeDirection | null;
  verdict: ChangeVerdict;
}

/**
 * The changes of one dimension over a group, as integer tenths of a point. Changes are one-decimal
 * numbers (scoreChange), so sums of tenths are exact: the result does not depend on the order of people,
 * and shifting every change by a constant leaves the spread exactly as it was.
 */
interface ChangeTotals {
  n: number;
  /** Σ changes, in tenths. */
  sum: number;
  /** Σ changes², in tenths². */
  sumOfSquares: number;
}

function changeTotals(people: readonly PrePostScores[], dimension: string): ChangeTotals {
  const totals: ChangeTotals = { n: 0, sum: 0, sumOfSquares: 0 };
  for (const person of people) {
    const change = scoreChange(person.pre ?? {}, person.post ?? {})[dimension];
    if (change === undefined) continue;
    const tenths = Math.round(change * 10);
    totals.n += 1;
    totals.sum += tenths;
    totals.sumOfSquares += tenths * tenths;
  }
  return totals;
}

/** The mean in points, or null for no one. */
const meanOf = ({ n, sum }: ChangeTotals) => (n === 0 ? null : sum / n / 10);

/** The sample variance in points², or null below two people: (n Σx² − (Σx)²) / (n (n − 1)), exact in tenths. */
function varianceOf({ n, sum, sumOfSquares }: ChangeTotals): number | null {
  if (n < 2) return null;
  return (n * sumOfSquares - sum * sum) / (n * (n - 1)) / 100;
}

function directionOf(value: number | null): ChangeDirection | null {
  if (value === null) return null;
  return value > 0 ? "up" : value < 0 ? "down" : "none";
}

function verdictOf(interval: Interval): ChangeVerdict {
  if (interval.low > 0) return "increase";
  if (interval.high < 0) return "decrease";
  return "no_clear_change";
}

/** The interval centre ± t(0.975, df) × standard error; a zero error gives the centre alone. */
function intervalAround(centre: number, standardError: number, df: number): Interval {
  const margin = standardError === 0 ? 0 : tQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, df) * standardError;
  return { low: centre - margin, high: centre + margin };
}

function pairedChangeOf(totals: ChangeTotals): PairedChange {
  const mean = meanOf(totals);
  const variance = varianceOf(totals);
  const sd = variance === null ? null : Math.sqrt(variance);
  const base = { n: totals.n, mean, sd, direction: directionOf(mean) };
  if (totals.n < MIN_PEOPLE_FOR_CLAIM || mean === null || sd === null)
    return { ...base, interval: null, effectSize: null, verdict: "too_few" };
  const interval = intervalAround(mean, sd / Math.sqrt(totals.n), totals.n - 1);
  return { ...base, interval, effectSize: sd === 0 ? null : mean / sd, verdict: verdictOf(interval) };
}

/**
 * The paired change (post − pre) per dimension over a group of people: a team (its members) or a whole
 * cohort. Each of `dimensions` gets an entry, in that order; only people scored on a dimension at both
 * phases count for it.
 */
export function pairedChange(
  people: readonly PrePostScores[],
  dimensions: readonly string[],
): Record<string, PairedChange> {
  return Object.fromEntries(
    dimensions.map((dimension) => [dimension, pairedChangeOf(changeTotals(people, dimension))]),
  );
}

/** A cohort's participant: a key of the caller's (an application id), their team (null for none), scores. */
export interface OutcomePerson extends PrePostScores {
  key: string;
  team: string | null;
}

export interface CohortOutcomes {
  /** Each person's change per dimension scored at both phases (scoreChange), by person key. */
  people: Record<string, DimensionScores>;
  /** Each team's paired change per dimension, over its members, by team key. */
  teams: Record<string, Record<string, PairedChange>>;
  /** The whole cohort's paired change per dimension, over everyone (in a team or not). */
  cohort: Record<string, PairedChange>;
}

/** The change per person, per team and for the cohort, per dimension. A person key given twice is refused. */
export function cohortOutcomes(
  people: readonly OutcomePerson[],
  dimensions: readonly string[],
): CohortOutcomes {
  const changes = new Map<string, DimensionScores>();
  const members = new Map<string, OutcomePerson[]>();
  for (const person of people) {
    if (changes.has(person.key)) throw new Error(`person ${person.key} is given twice`);
    changes.set(person.key, scoreChange(person.pre ?? {}, person.post ?? {}));
    if (person.team === null) continue;
    members.set(person.team, [...(members.get(person.team) ?? []), person]);
  }
  return {
    people: Object.fromEntries(changes),
    teams: Object.fromEntries(
      [...members].map(([team, teamMembers]) => [team, pairedChange(teamMembers, dimensions)]),
    ),
    cohort: pairedChange(people, dimensions),
  };
}

/** One cohort's side of a comparison: how many changed and their mean change. */
export interface CohortSide {
  n: number;
  mean: number | null;
}

/** The difference between two cohorts' mean change on one dimension (later − earlier). */
export interface CohortDifference {
  earlier: CohortSide;
  later: CohortSide;
  /** later.mean − earlier.mean; null when either cohort has no one. */
  difference: number | null;
  /** Welch's 95% interval of the difference; null when too few for a claim. */
  interval: Interval | null;
  /** Welch–Satterthwaite degrees of freedom; null without an interval or when both spreads are 0. */
  df: number | null;
  /** The sign of the difference: "up" means the later cohort changed more. */
  direction: ChangeDirection | null;
  /** `too_few` when either cohort has fewer than MIN_PEOPLE_FOR_CLAIM people. */
  verdict: ChangeVerdict;
}

function differenceOf(earlierTotals: ChangeTotals, laterTotals: ChangeTotals): CohortDifference {
  const earlier = { n: earlierTotals.n, mean: meanOf(earlierTotals) };
  const later = { n: laterTotals.n, mean: meanOf(laterTotals) };
  const difference = earlier.mean === null || later.mean === null ? null : later.mean - earlier.mean;
  const base = { earlier, later, difference, direction: directionOf(difference) };
  const earlierVariance = varianceOf(earlierTotals);
  const laterVariance = varianceOf(laterTotals);
  if (
    earlier.n < MIN_PEOPLE_FOR_CLAIM ||
    later.n < MIN_PEOPLE_FOR_CLAIM ||
    difference === null ||
    earlierVariance === null ||
    laterVariance === null
  )
    return { ...base, interval: null, df: null, verdict: "too_few" };
  const earlierShare = earlierVariance / earlier.n;
  const laterShare = laterVariance / later.n;
  const squaredError = earlierShare + laterShare;
  if (squaredError === 0) {
    const interval = { low: difference, high: difference };
    return { ...base, interval, df: null, verdict: verdictOf(interval) };
  }
  const df =
    (squaredError * squaredError) /
    ((earlierShare * earlierShare) / (earlier.n - 1) + (laterShare * laterShare) / (later.n - 1));
  const interval = intervalAround(difference, Math.sqrt(squaredError), df);
  return { ...base, interval, df, verdict: verdictOf(interval) };
}

/**
 * Two cohorts of the same program (different people) compared per dimension: the difference of their mean
 * change (later − earlier), with Welch's interval, which does not assume equal spreads or sizes.
 */
export function compareCohortChange(
  earlier: readonly PrePostScores[],
  later: readonly PrePostScores[],
  dimensions: readonly string[],
): Record<string, CohortDifference> {
  return Object.fromEntries(
    dimensions.map((dimension) => [
      dimension,
      differenceOf(changeTotals(earlier, dimension), changeTotals(later, dimension)),
    ]),
  );
}

/** How one likert question was answered. */
export interface LikertSummary {
  /** The question's key. */
  question: string;
  /** People who answered it. */
  n: number;
  /** The mean answer, 1-5; null when no one answered. */
  mean: number | null;
  /** How many answered 1, 2, 3, 4 and 5 (index 0 is 1). */
  counts: number[];
  /** The percentage answering 4 or 5 (0-100); null when no one answered. */
  agreePercent: number | null;
}

/**
 * Satisfaction: each likert question of a set (a post-survey) in the set's order, summarised over the
 * submitted answer sheets. Answers are counted as given (a reversed item is not turned round: the page
 * shows its wording); anything but an integer 1-5 counts as no answer.
 */
export function likertSummary(set: QuestionSet, answerSheets: readonly SurveyAnswers[]): LikertSummary[] {
  return set.questions
    .filter((question) => question.type === "likert")
    .map((question) => {
      const counts = Array.from({ length: LIKERT_MAX - LIKERT_MIN + 1 }, () => 0);
      for (const answers of answerSheets) {
        const answer = answers[question.key];
        if (
          typeof answer === "number" &&
          Number.isInteger(answer) &&
          answer >= LIKERT_MIN &&
          answer <= LIKERT_MAX
        )
          counts[answer - LIKERT_MIN] = (counts[answer - LIKERT_MIN] ?? 0) + 1;
      }
      const n = counts.reduce((total, count) => total + count, 0);
      const sum = counts.reduce((total, count, index) => total + count * (index + LIKERT_MIN), 0);
      const agree = (counts[3] ?? 0) + (counts[4] ?? 0);
      return {
        question: question.key,
        n,
        mean: n === 0 ? null : sum / n,
        counts,
        agreePercent: n === 0 ? null : (agree * 100) / n,
      };
    });
}

/**
 * A number as the page shows it: one decimal, halves away from zero (so +0.25 and −0.25 read the same but
 * for the sign), never "−0".
 */
export function displayNumber(value: number): number {
  const tenths = Math.round(Math.abs(value) * 10);
  return tenths === 0 ? 0 : (Math.sign(value) * tenths) / 10;
}

const displayOrNull = (value: number | null) => (value === null ? null : displayNumber(value));
const displayInterval = (interval: Interval | null) =>
  interval === null ? null : { low: displayNumber(interval.low), high: displayNumber(interval.high) };

/** A paired change with its numbers rounded for display; its verdict stays the one computed at full precision. */
export function displayPairedChange(change: PairedChange): PairedChange {
  return {
    ...change,
    mean: displayOrNull(change.mean),
    sd: displayOrNull(change.sd),
    interval: displayInterval(change.interval),
    effectSize: displayOrNull(change.effectSize),
  };
}

/** A cohort comparison with its numbers rounded for display. */
export function displayCohortDifference(difference: CohortDifference): CohortDifference {
  return {
    ...difference,
    earlier: { ...difference.earlier, mean: displayOrNull(difference.earlier.mean) },
    later: { ...difference.later, mean: displayOrNull(difference.later.mean) },
    difference: displayOrNull(difference.difference),
    interval: displayInterval(difference.interval),
    df: displayOrNull(difference.df),
  };
}

/** A likert summary with its mean and percentage rounded for display. */
export function displayLikertSummary(summary: LikertSummary): LikertSummary {
  return { ...summary, mean: displayOrNull(summary.mean), agreePercent: displayOrNull(summary.agreePercent) };
}
