import { getNationalDistributions, getOwnInsightFigures } from "@mentoring/tenants";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "../components/bar-chart";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentOwnComparison } from "../presenters/insights.server";
import { insightsReaderOf } from "../services/insights-reader.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("insights.compare.title");

/**
 * The organisation's own figures against the nation (insights.compare): when it opted in, each figure of
 * its cohorts in the latest publication (read in its own tenant context) against the distribution of its
 * type of organisation (read through the analysts' role, which knows no organisation), by quartile; when it
 * did not, a word saying so and the way to its settings.
 */
export const loader = tenantLoader(
  { permission: "insights.compare" },
  async ({ tenant, withTenant, services, t, locale, may }) => {
    // Both reads from the read replica when there is one (ADR 0028); this one only once it has the reader's
    // last write (an opt-in changed in the settings).
    const own = await withTenant((db) => getOwnInsightFigures(db, { tenantId: tenant.id }), {
      replica: true,
    });
    const settingsUrl = may("tenant.settings.manage") ? `/${tenant.slug}/admin/settings` : null;
    if (!own.publication) return { optedIn: own.optedIn, settingsUrl, comparison: null };
    const national = await getNationalDistributions(insightsReaderOf(services), {
      publicationId: own.publication.id,
      governmentType: own.governmentType,
    });
    return { optedIn: own.optedIn, settingsUrl, comparison: presentOwnComparison(own, national, t, locale) };
  },
);

export default function OwnInsights() {
  const { t } = useTranslation();
  const { optedIn, settingsUrl, comparison } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("insights.compare.title")}</h1>
      {!optedIn ? (
        <section className="card" data-testid="insights-not-opted-in">
          <p>{t("insights.compare.notOptedIn")}</p>
          {settingsUrl ? (
            <p>
              <Link to={settingsUrl}>{t("insights.compare.settingsLink")}</Link>
            </p>
          ) : null}
        </section>
      ) : !comparison ? (
        <p data-testid="insights-no-publication">{t("insights.compare.noPublication")}</p>
      ) : (
        <>
          <p>{t("insights.compare.intro", { kind: comparison.kind })}</p>
          {comparison.publishedOn ? (
            <p>{t("insights.methodology.latest", { date: comparison.publishedOn })}</p>
          ) : null}
          <h2>{t("insights.compare.headingSummary")}</h2>
          <ul data-testid="insights-positions">
            {comparison.summary.flatMap((row) =>
              row.sentence ? [<li key={row.metric}>{row.sentence}</li>] : [],
            )}
          </ul>
          <p>{t("insights.chart.legend")}</p>
          {comparison.summary.map((row) => (
            <BarChart
              key={row.metric}
              id={`compare-${row.metric}`}
              title={row.label}
              rows={[
                {
                  key: "ours",
                  label: t("insights.compare.ours"),
                  value: row.bar,
                  text: row.text,
                  range: row.range,
                },
              ]}
              min={row.scale.min}
              max={row.scale.max}
              scale={row.scaleText}
              tableLabel={t("insights.showTable")}
            >
              <DataTable
                caption={row.label}
                captionHidden
                rows={[row]}
                rowKey={(item) => item.metric}
                empty={t("insights.compare.noFigure")}
                columns={[
                  { key: "metric", header: t("insights.compare.table.metric"), cell: (item) => item.label },
                  {
                    key: "ours",
                    header: t("insights.compare.table.ours"),
                    numeric: true,
                    cell: (item) => item.ours ?? t("insights.table.hidden"),
                  },
                  {
                    key: "q1",
                    header: t("insights.compare.table.q1"),
                    numeric: true,
                    cell: (item) => item.q1 ?? t("insights.table.hidden"),
                  },
                  {
                    key: "median",
                    header: t("insights.compare.table.median"),
                    numeric: true,
                    cell: (item) => item.median ?? t("insights.table.hidden"),
                  },
                  {
                    key: "q3",
                    header: t("insights.compare.table.q3"),
                    numeric: true,
                    cell: (item) => item.q3 ?? t("insights.table.hidden"),
                  },
                  {
                    key: "n",
                    header: t("insights.compare.table.n"),
                    numeric: true,
                    cell: (item) => item.n ?? t("insights.table.hidden"),
                  },
                  {
                    key: "position",
                    header: t("insights.compare.table.position"),
                    cell: (item) => item.position ?? t("insights.table.hidden"),
                  },
                ]}
              />
            </BarChart>
          ))}
          <h2>{t("insights.compare.cohortsHeading")}</h2>
          <DataTable
            caption={t("insights.compare.cohortsHeading")}
            captionHidden
            rows={comparison.cohorts}
            rowKey={(cohort) => cohort.key}
            empty={t("insights.compare.noFigure")}
            columns={[
              { key: "cohort", header: t("insights.table.group"), cell: (cohort) => cohort.label },
              ...comparison.metrics.map((metric) => ({
                key: metric.key,
                header: metric.label,
                numeric: true,
                cell: (cohort: (typeof comparison.cohorts)[number]) => cohort.figures[metric.key] ?? "",
              })),
            ]}
          />
        </>
      )}
    </>
  );
}
