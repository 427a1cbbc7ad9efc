/**
 * The figures national insights publish per cohort (one `insight_aggregates` row each, per dimension
 * where a figure is split). The aggregation computes them, suppression hides the small ones, the
 * /insights pages and the methodology name them through i18n (`insights.metric.<key>`).
 */
export const insightMetrics = {
  /** People in the cohort's published teams; split by role ("mentor", "mentee") and in total (""). */
  participants: { kind: "count", dimension: "role" },
  /** Published teams. */
  teams: { kind: "count", dimension: null },
  /** Share of participants still in their team when the cohort closed (withdrawals count against it). */
  completion_rate: { kind: "rate", dimension: null },
  /** Team meetings (counselling sessions) per team and month of the activity period. */
  meetings_per_team_month: { kind: "mean", dimension: null },
  /** Ad-hoc team activities per team and month of the activity period. */
  activities_per_team_month: { kind: "mean", dimension: null },
  /** Share of expected attendances at trainings and events that were attended. */
  attendance_rate: { kind: "rate", dimension: null },
  /** Share of assignment submissions made by their due date, of those due. */
  on_time_submission_rate: { kind: "rate", dimension: null },
  /** Mean change from the pre to the post diagnostic, per dimension of the diagnostic. */
  diagnostic_change: { kind: "mean", dimension: "diagnostic" },
  /** Mean satisfaction in the post survey, on its 1-5 scale. */
  satisfaction: { kind: "mean", dimension: null },
  /** Mean of the teams' evaluation totals, 0-100. */
  evaluation_score: { kind: "mean", dimension: null },
} as const satisfies Record<
  string,
  { kind: "count" | "rate" | "mean"; dimension: "role" | "diagnostic" | null }
>;

export type InsightMetric = keyof typeof insightMetrics;
export const insightMetricKeys = Object.keys(insightMetrics) as InsightMetric[];

/** The fewest people a published figure may be about (k-anonymity): smaller cells are suppressed. */
export const INSIGHTS_MIN_CELL = 5;

/** Size bands by the number of staff in an organisation's directory. */
export const insightSizeBands = ["under_500", "500_1999", "2000_4999", "5000_plus"] as const;
export type InsightSizeBand = (typeof insightSizeBands)[number];

export function sizeBandOf(staffCount: number): InsightSizeBand {
  if (staffCount < 500) return "under_500";
  if (staffCount < 2000) return "500_1999";
  if (staffCount < 5000) return "2000_4999";
  return "5000_plus";
}
