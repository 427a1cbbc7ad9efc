/**
 * How national insights describe a figure across cohorts: its distribution (how many cohorts, the
 * quartiles and the median), never a ranking of named organisations; and where one organisation's own
 * figure falls within it, by quartile.
 */

/**
 * The fewest cohorts a group (a region, a size band…) must have for its distribution to be shown: with
 * fewer, its quartiles would be one or two organisations' own figures.
 */
export const INSIGHTS_MIN_COHORTS = 3;

export interface Distribution {
  /** Cohorts whose figure was shown (suppressed cells are not counted). */
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * The p-quantile of sorted values by linear interpolation between the closest ranks (Hyndman and Fan's
 * type 7, the default of R and of spreadsheets' QUARTILE.INC), so a reader can check a figure by hand.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/** The distribution of these figures, or null when there are none. */
export function distributionOf(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Which quarter of a distribution a figure falls in, from the highest figures down. */
export const quartilePositions = ["top", "upper_middle", "lower_middle", "bottom"] as const;
export type QuartilePosition = (typeof quartilePositions)[number];

/**
 * Where `value` falls in `distribution`: at or above the third quartile is the top 25%, below the first
 * the bottom 25%, and the median splits the middle half.
 */
export function quartilePositionOf(value: number, distribution: Distribution): QuartilePosition {
  if (value >= distribution.q3) return "top";
  if (value >= distribution.median) return "upper_middle";
  if (value >= distribution.q1) return "lower_middle";
  return "bottom";
}
