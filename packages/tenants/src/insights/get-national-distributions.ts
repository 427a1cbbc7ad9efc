import type { InsightsReader } from "@mentoring/db";
import {
  type Distribution,
  distributionOf,
  INSIGHTS_MIN_COHORTS,
  type InsightMetric,
} from "@mentoring/domain";

/**
 * The national distribution of each figure (as a whole, not split) among the cohorts of one type of
 * organisation in one publication, read through the analysts' database role: no organisation is known to
 * it, the asking one included. A figure with fewer than INSIGHTS_MIN_COHORTS shown cohorts has none.
 */
export async function getNationalDistributions(
  reader: InsightsReader,
  input: { publicationId: string; governmentType: string },
): Promise<Partial<Record<InsightMetric, Distribution>>> {
  const { rows } = await reader.query<{ metric: InsightMetric; value: number }>(
    `select metric, value from insight_aggregates
     where publication_id = $1 and government_type::text = $2 and dimension = '' and not suppressed
       and value is not null`,
    [input.publicationId, input.governmentType],
  );
  const values = new Map<InsightMetric, number[]>();
  for (const row of rows) values.set(row.metric, [...(values.get(row.metric) ?? []), row.value]);
  const distributions: Partial<Record<InsightMetric, Distribution>> = {};
  for (const [metric, figures] of values) {
    const distribution = figures.length >= INSIGHTS_MIN_COHORTS ? distributionOf(figures) : null;
    if (distribution) distributions[metric] = distribution;
  }
  return distributions;
}
