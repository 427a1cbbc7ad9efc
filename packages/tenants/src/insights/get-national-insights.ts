import type { InsightsReader } from "@mentoring/db";
import {
  type Distribution,
  distributionOf,
  INSIGHTS_MIN_COHORTS,
  type InsightMetric,
  insightMetricKeys,
  insightSizeBands,
} from "@mentoring/domain";
import { z } from "zod";
import { latestPublication, type PublishedInsights } from "../records/insight-publication";

/** What an aggregate row may be compared by. */
export const insightGroupings = [
  "program_kind",
  "team_shape",
  "government_type",
  "region",
  "size_band",
  "cohort_year",
] as const;
export type InsightGrouping = (typeof insightGroupings)[number];

export const governmentTypes = ["metropolitan_government", "basic_government", "public_institution"] as const;

/**
 * The /insights page's choices, from its query string: a hand-edited address falls back to the defaults
 * rather than failing.
 */
export const nationalInsightsQuery = z.object({
  metric: z.enum(insightMetricKeys as [InsightMetric, ...InsightMetric[]]).catch("completion_rate"),
  dimension: z.string().trim().max(100).default("").catch(""),
  by: z.enum(insightGroupings).catch("program_kind"),
  governmentType: z.enum(governmentTypes).optional().catch(undefined),
  cohortYear: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type NationalInsightsQuery = z.output<typeof nationalInsightsQuery>;

export interface InsightGroup {
  /** The value grouped by: a program kind, a region, a year ("2026")… */
  key: string;
  /** Cohorts whose figure is shown in the distribution. */
  n: number;
  /** Cells of the group suppressed by the aggregation, left out of the distribution. */
  suppressed: number;
  /** Null when the group has fewer than INSIGHTS_MIN_COHORTS shown figures. */
  distribution: Distribution | null;
}

export interface NamedFigure {
  tenantName: string;
  cohortYear: number;
  programKind: string;
  /** Null when the cell is suppressed. */
  value: number | null;
}

export interface NationalInsights {
  publication: PublishedInsights;
  choices: NationalInsightsQuery;
  /** The breakdowns the chosen figure has in this publication ("" is the figure as a whole). */
  dimensions: string[];
  /** The cohort years the publication holds, for the year filter. */
  years: number[];
  groups: InsightGroup[];
  /** Figures of organisations that agreed to be named, by name then year: never ordered by value. */
  named: NamedFigure[];
}

interface Row {
  tenant_name: string | null;
  government_type: string;
  region: string;
  size_band: string;
  program_kind: string;
  team_shape: string;
  cohort_year: number;
  value: number | null;
  suppressed: boolean;
}

// Every column but tenant_id, which the insights role may not read (nor may it `select *`).
const COLUMNS = `a.tenant_name, a.government_type::text as government_type, a.region, a.size_band, a.program_kind,
  a.team_shape, a.cohort_year, a.value, a.suppressed`;

const sizeOrder = (key: string) => {
  const index = (insightSizeBands as readonly string[]).indexOf(key);
  return index === -1 ? insightSizeBands.length : index;
};

/**
 * One figure of national insights compared across cohorts, read through the analysts' database role: from
 * the latest publication, grouped by the chosen property, each group as a distribution (not a ranking);
 * compared by year, each year comes from the latest publication holding it. Null before anything is
 * published.
 */
export async function getNationalInsights(
  reader: InsightsReader,
  input: { query: NationalInsightsQuery },
): Promise<NationalInsights | null> {
  const choices = input.query;
  const publication = await latestPublication(reader);
  if (!publication) return null;
  const dimensions = (
    await reader.query<{ dimension: string }>(
      `select distinct dimension from insight_aggregates where publication_id = $1 and metric = $2
       order by dimension`,
      [publication.id, choices.metric],
    )
  ).rows.map((row) => row.dimension);
  const dimension = dimensions.includes(choices.dimension) ? choices.dimension : (dimensions[0] ?? "");
  const { rows } =
    choices.by === "cohort_year"
      ? await reader.query<Row>(
          `with years as (
             select distinct on (a.cohort_year) a.cohort_year, a.publication_id
             from insight_aggregates a join insight_publications p on p.id = a.publication_id
             where p.status = 'published' and a.metric = $1 and a.dimension = $2
             order by a.cohort_year, p.published_at desc)
           select ${COLUMNS} from insight_aggregates a
           join years y on y.publication_id = a.publication_id and y.cohort_year = a.cohort_year
           where a.metric = $1 and a.dimension = $2`,
          [choices.metric, dimension],
        )
      : await reader.query<Row>(
          `select ${COLUMNS} from insight_aggregates a
           where a.publication_id = $1 and a.metric = $2 and a.dimension = $3`,
          [publication.id, choices.metric, dimension],
        );
  const years = [...new Set(rows.map((row) => row.cohort_year))].sort((a, b) => a - b);
  const chosen = rows.filter(
    (row) =>
      (!choices.governmentType || row.government_type === choices.governmentType) &&
      (!choices.cohortYear || row.cohort_year === choices.cohortYear),
  );
  const byKey = new Map<string, Row[]>();
  for (const row of chosen) {
    const key = String(row[choices.by]);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const groups = [...byKey.entries()]
    .map(([key, members]): InsightGroup => {
      const values = members
        .filter((row) => !row.suppressed && row.value !== null)
        .map((row) => row.value as number);
      return {
        key,
        n: values.length,
        suppressed: members.length - values.length,
        distribution: values.length >= INSIGHTS_MIN_COHORTS ? distributionOf(values) : null,
      };
    })
    .sort((a, b) =>
      choices.by === "cohort_year"
        ? Number(a.key) - Number(b.key)
        : choices.by === "size_band"
          ? sizeOrder(a.key) - sizeOrder(b.key)
          : a.key.localeCompare(b.key, "ko"),
    );
  const named = chosen
    .filter((row): row is Row & { tenant_name: string } => row.tenant_name !== null)
    .map((row) => ({
      tenantName: row.tenant_name,
      cohortYear: row.cohort_year,
      programKind: row.program_kind,
      value: row.suppressed ? null : row.value,
    }))
    .sort((a, b) => a.tenantName.localeCompare(b.tenantName, "ko") || a.cohortYear - b.cohortYear);
  return { publication, choices: { ...choices, dimension }, dimensions, years, groups, named };
}
