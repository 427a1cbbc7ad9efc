import {
  type Distribution,
  distributionOf,
  INSIGHTS_MIN_COHORTS,
  type InsightMetric,
  insightMetricKeys,
  insightMetrics,
  type QuartilePosition,
  quartilePositionOf,
} from "@mentoring/domain";
import { messageKey } from "@mentoring/i18n";
import {
  governmentTypes,
  type InsightGrouping,
  insightGroupings,
  type NationalInsights,
  type OwnInsightFigures,
} from "@mentoring/tenants";
import type { TFunction } from "i18next";
import { formatDateTime, formatNumber } from "../services/format.server";

/**
 * The national insights pages as they show them: every figure formatted once for the reader's locale (a
 * rate as a percentage, a mean with one decimal, a count whole), each group's median as the bar and its
 * quartiles as the span, its label in the reader's language. The CSV export writes these same strings.
 */

const UTF8_BOM = "\uFEFF";
const ZONE = "Asia/Seoul";

/** A figure as the pages print it. */
export function formatFigure(metric: InsightMetric, value: number, locale: string): string {
  const { kind } = insightMetrics[metric];
  if (kind === "rate") return formatNumber(value, locale, { style: "percent", maximumFractionDigits: 1 });
  if (kind === "count") return formatNumber(Math.round(value), locale);
  return formatNumber(value, locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    ...(metric === "diagnostic_change" ? { signDisplay: "exceptZero" as const } : {}),
  });
}

/** The label of a group's key: a program kind, a team shape, a type of organisation, a region… */
export function groupLabel(by: InsightGrouping, key: string, t: TFunction): string {
  switch (by) {
    case "program_kind":
      return t(messageKey(`programs.kind.${key}`), { defaultValue: key });
    case "team_shape":
      return t("insights.teamShape", { shape: key });
    case "government_type":
      return t(messageKey(`tenantKind.${key}`), { defaultValue: key });
    case "region":
      return t(messageKey(`region.${key}`), { defaultValue: key });
    case "size_band":
      return t(messageKey(`insights.sizeBand.${key}`), { defaultValue: key });
    case "cohort_year":
      return t("insights.year", { year: key });
  }
}

function dimensionLabel(metric: InsightMetric, dimension: string, t: TFunction): string {
  if (dimension === "") return t("insights.dimension.none");
  if (insightMetrics[metric].dimension === "role")
    return t(messageKey(`insights.dimension.role.${dimension}`), { defaultValue: dimension });
  return dimension;
}

/**
 * The scale's ends: rates run to 100%, scores to their maximum, counts and means to the largest quartile or
 * figure shown (`also`: an organisation's own figure beside the distribution).
 */
function scaleOf(metric: InsightMetric, distributions: Distribution[], also: number[] = []) {
  const lowest = Math.min(0, ...distributions.map((d) => d.q1), ...also);
  if (insightMetrics[metric].kind === "rate") return { min: 0, max: 1 };
  if (metric === "satisfaction") return { min: 0, max: 5 };
  if (metric === "evaluation_score") return { min: 0, max: 100 };
  const highest = Math.max(0, ...distributions.map((d) => d.q3), ...also);
  return { min: lowest, max: highest > 0 ? highest : 1 };
}

export function presentNationalInsights(view: NationalInsights, t: TFunction, locale: string) {
  const { choices } = view;
  const metric = choices.metric;
  const figure = (value: number) => formatFigure(metric, value, locale);
  const groups = view.groups.map((group) => {
    const d = group.distribution;
    return {
      key: group.key,
      label: groupLabel(choices.by, group.key, t),
      n: formatNumber(group.n, locale),
      suppressed: formatNumber(group.suppressed, locale),
      q1: d ? figure(d.q1) : null,
      median: d ? figure(d.median) : null,
      q3: d ? figure(d.q3) : null,
      bar: d ? d.median : null,
      range: d ? { low: d.q1, high: d.q3 } : null,
      text: d
        ? t("insights.chart.text", {
            median: figure(d.median),
            q1: figure(d.q1),
            q3: figure(d.q3),
            n: group.n,
          })
        : t("insights.chart.tooFew", { n: group.n, min: INSIGHTS_MIN_COHORTS }),
      flag: group.suppressed > 0 ? t("insights.chart.suppressed", { count: group.suppressed }) : null,
    };
  });
  const scale = scaleOf(
    metric,
    view.groups.flatMap((group) => (group.distribution ? [group.distribution] : [])),
  );
  const metricLabel = t(messageKey(`insights.metric.${metric}`));
  const dimension = choices.dimension;
  return {
    publication: {
      date: formatDateTime(view.publication.publishedAt, locale, ZONE, { dateStyle: "long" }),
      tenants: formatNumber(view.publication.tenantCount, locale),
      cohorts: formatNumber(view.publication.cohortCount, locale),
    },
    choices,
    options: {
      metrics: insightMetricKeys.map((key) => ({
        value: key,
        label: t(messageKey(`insights.metric.${key}`)),
      })),
      dimensions: view.dimensions.map((value) => ({ value, label: dimensionLabel(metric, value, t) })),
      groupings: insightGroupings.map((value) => ({ value, label: t(`insights.by.${value}`) })),
      governmentTypes: governmentTypes.map((value) => ({ value, label: t(`tenantKind.${value}`) })),
      years: view.years.map((year) => ({ value: String(year), label: t("insights.year", { year }) })),
    },
    chart: {
      title: t("insights.chart.title", {
        metric: dimension === "" ? metricLabel : `${metricLabel} · ${dimensionLabel(metric, dimension, t)}`,
        by: t(`insights.by.${choices.by}`),
      }),
      min: scale.min,
      max: scale.max,
      scale: { min: figure(scale.min), max: figure(scale.max), zero: figure(0) },
    },
    groups,
    named: view.named.map((row, index) => ({
      key: `${index}`,
      organisation: row.tenantName,
      year: t("insights.year", { year: row.cohortYear }),
      programKind: groupLabel("program_kind", row.programKind, t),
      value: row.value === null ? t("insights.named.suppressed") : figure(row.value),
    })),
    /** The same choices, for the CSV link. */
    search: new URLSearchParams(
      Object.entries(choices).flatMap(([name, value]) =>
        value === undefined || value === "" ? [] : [[name, String(value)]],
      ),
    ).toString(),
  };
}

export type NationalInsightsPage = ReturnType<typeof presentNationalInsights>;

const csvCell = (value: string) => {
  // A cell that a spreadsheet would run as a formula is written as text.
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
};

/**
 * Exactly what the page shows, as CSV (UTF-8 with a byte-order mark so that Korean Excel reads it): the
 * chart's title and publication, its groups with their distribution, then the named organisations' rows.
 */
export function presentNationalInsightsCsv(page: NationalInsightsPage, t: TFunction): string {
  const lines: string[][] = [
    [page.chart.title],
    [t("insights.publication", page.publication)],
    [],
    [t("insights.csv.section.groups")],
    [
      t("insights.table.group"),
      t("insights.table.n"),
      t("insights.table.q1"),
      t("insights.table.median"),
      t("insights.table.q3"),
      t("insights.table.suppressed"),
    ],
    ...page.groups.map((group) => [
      group.label,
      group.n,
      group.q1 ?? t("insights.table.hidden"),
      group.median ?? t("insights.table.hidden"),
      group.q3 ?? t("insights.table.hidden"),
      group.suppressed,
    ]),
  ];
  if (page.named.length > 0) {
    lines.push(
      [],
      [t("insights.csv.section.named")],
      [
        t("insights.named.organisation"),
        t("insights.named.cohortYear"),
        t("insights.named.programKind"),
        t("insights.named.value"),
      ],
      ...page.named.map((row) => [row.organisation, row.year, row.programKind, row.value]),
    );
  }
  return `${UTF8_BOM}${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * An organisation's own figures against the distribution of its type of organisation: for each figure the
 * median of its shown cohorts, where it falls (by quartile), and a sentence saying so; then each cohort.
 */
export function presentOwnComparison(
  own: OwnInsightFigures,
  national: Partial<Record<InsightMetric, Distribution>>,
  t: TFunction,
  locale: string,
) {
  const kind = t(`tenantKind.${own.governmentType}`);
  const kindGroup = t(`insights.compare.kindGroup.${own.governmentType}`);
  const summary = insightMetricKeys.flatMap((metric) => {
    const values = own.figures
      .filter((row) => row.metric === metric && row.value !== null)
      .map((row) => row.value as number);
    const mine = distributionOf(values)?.median ?? null;
    const distribution = national[metric] ?? null;
    if (mine === null && !distribution) return [];
    const position: QuartilePosition | null =
      mine !== null && distribution ? quartilePositionOf(mine, distribution) : null;
    const figure = (value: number) => formatFigure(metric, value, locale);
    const scale = scaleOf(metric, distribution ? [distribution] : [], mine === null ? [] : [mine]);
    return [
      {
        metric,
        label: t(messageKey(`insights.metric.${metric}`)),
        ours: mine === null ? null : figure(mine),
        q1: distribution ? figure(distribution.q1) : null,
        median: distribution ? figure(distribution.median) : null,
        q3: distribution ? figure(distribution.q3) : null,
        n: distribution ? formatNumber(distribution.n, locale) : null,
        position: position ? t(`insights.compare.positionShort.${position}`) : null,
        sentence: position
          ? t(`insights.compare.position.${position}`, {
              metric: t(messageKey(`insights.metricShort.${metric}`)),
              kind: kindGroup,
            })
          : null,
        bar: mine,
        range: distribution ? { low: distribution.q1, high: distribution.q3 } : null,
        text:
          mine === null
            ? t("insights.compare.noFigure")
            : distribution
              ? `${figure(mine)} · ${t("insights.chart.text", {
                  median: figure(distribution.median),
                  q1: figure(distribution.q1),
                  q3: figure(distribution.q3),
                  n: distribution.n,
                })}`
              : `${figure(mine)} · ${t("insights.compare.noNational")}`,
        scale,
        scaleText: { min: figure(scale.min), max: figure(scale.max) },
      },
    ];
  });
  const cohorts = new Map<string, { key: string; label: string; figures: Record<string, string> }>();
  own.figures.forEach((row) => {
    const key = `${row.cohortYear}-${row.programKind}-${row.teamShape}`;
    const cohort = cohorts.get(key) ?? {
      key,
      label: t("insights.compare.cohort", {
        year: row.cohortYear,
        kind: groupLabel("program_kind", row.programKind, t),
        shape: groupLabel("team_shape", row.teamShape, t),
      }),
      figures: {},
    };
    cohort.figures[row.metric] =
      row.value === null ? t("insights.named.suppressed") : formatFigure(row.metric, row.value, locale);
    cohorts.set(key, cohort);
  });
  return {
    kind,
    publishedOn: own.publication
      ? formatDateTime(own.publication.publishedAt, locale, ZONE, { dateStyle: "long" })
      : null,
    summary,
    cohorts: [...cohorts.values()],
    metrics: insightMetricKeys
      .filter((metric) => own.figures.some((row) => row.metric === metric))
      .map((metric) => ({ key: metric, label: t(messageKey(`insights.metric.${metric}`)) })),
  };
}
