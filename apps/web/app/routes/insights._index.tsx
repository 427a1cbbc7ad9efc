import { getNationalInsights, nationalInsightsQuery } from "@mentoring/tenants";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart, type BarRow } from "../components/bar-chart";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { insightsNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { presentNationalInsights } from "../presenters/insights.server";
import { insightsReaderOf } from "../services/insights-reader.server";
import { platformLoader } from "../services/route-builder.server";

export const handle = pageTitle("insights.title");

/**
 * National insights (insights.view, the national analyst): one figure compared across cohorts by program
 * kind, team shape, type of organisation, region, size or year, as the distribution of each group (median
 * and quartiles, number of cohorts), a chart with its table, from the latest publication. Read through the
 * analysts' own database role, which sees the aggregates and nothing else.
 */
export const loader = platformLoader(
  { permission: "insights.view", query: nationalInsightsQuery },
  async ({ query, user, services, t, locale }) => {
    const view = await getNationalInsights(insightsReaderOf(services), { query });
    return { userName: user.displayName, page: view ? presentNationalInsights(view, t, locale) : null };
  },
);

export default function NationalInsightsPage() {
  const { t } = useTranslation();
  const { page, userName } = useLoaderData<typeof loader>();
  return (
    <Shell title={t("app.name")} homeTo="/insights" nav={insightsNav} userName={userName}>
      <h1>{t("insights.title")}</h1>
      <p>{t("insights.intro")}</p>
      <p>
        <Link to="/insights/methodology">{t("insights.methodologyLink")}</Link>
      </p>
      {page ? (
        <Insights page={page} />
      ) : (
        <section className="card" data-testid="insights-empty">
          <h2>{t("insights.empty.title")}</h2>
          <p>{t("insights.empty.text")}</p>
        </section>
      )}
    </Shell>
  );
}

type Page = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["page"]>;

function Choice({
  name,
  label,
  value,
  options,
  any,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  any?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {any ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Insights({ page }: { page: Page }) {
  const { t } = useTranslation();
  const { choices, options } = page;
  return (
    <>
      <p data-testid="insights-publication">{t("insights.publication", page.publication)}</p>
      <Form method="get" className="filters" aria-label={t("insights.filters.heading")}>
        <Choice
          name="metric"
          label={t("insights.filters.metric")}
          value={choices.metric}
          options={options.metrics}
        />
        {options.dimensions.length > 1 ? (
          <Choice
            name="dimension"
            label={t("insights.filters.dimension")}
            value={choices.dimension}
            options={options.dimensions}
          />
        ) : null}
        <Choice name="by" label={t("insights.filters.by")} value={choices.by} options={options.groupings} />
        <Choice
          name="governmentType"
          label={t("insights.filters.governmentType")}
          value={choices.governmentType ?? ""}
          options={options.governmentTypes}
          any={t("insights.filters.all")}
        />
        <Choice
          name="cohortYear"
          label={t("insights.filters.cohortYear")}
          value={choices.cohortYear ? String(choices.cohortYear) : ""}
          options={options.years}
          any={t("insights.filters.all")}
        />
        <button type="submit" className="button-primary">
          {t("insights.filters.apply")}
        </button>
      </Form>
      {choices.by === "cohort_year" ? <p>{t("insights.yearsFrom")}</p> : null}
      {page.groups.length === 0 ? (
        <p data-testid="insights-none">{t("insights.chart.none")}</p>
      ) : (
        <>
          <p>{t("insights.chart.legend")}</p>
          <BarChart
            id="insights"
            title={page.chart.title}
            rows={page.groups.map(
              (group): BarRow => ({
                key: group.key,
                label: group.label,
                value: group.bar,
                text: group.text,
                flag: group.flag,
                range: group.range,
              }),
            )}
            min={page.chart.min}
            max={page.chart.max}
            scale={page.chart.scale}
            tableLabel={t("insights.showTable")}
          >
            <DataTable
              caption={page.chart.title}
              captionHidden
              rows={page.groups}
              rowKey={(group) => group.key}
              rowProps={(group) => ({ "data-testid": `group-${group.key}` })}
              empty={t("insights.chart.none")}
              columns={[
                { key: "group", header: t("insights.table.group"), cell: (group) => group.label },
                { key: "n", header: t("insights.table.n"), numeric: true, cell: (group) => group.n },
                {
                  key: "q1",
                  header: t("insights.table.q1"),
                  numeric: true,
                  cell: (group) => group.q1 ?? t("insights.table.hidden"),
                },
                {
                  key: "median",
                  header: t("insights.table.median"),
                  numeric: true,
                  cell: (group) => group.median ?? t("insights.table.hidden"),
                },
                {
                  key: "q3",
                  header: t("insights.table.q3"),
                  numeric: true,
                  cell: (group) => group.q3 ?? t("insights.table.hidden"),
                },
                {
                  key: "suppressed",
                  header: t("insights.table.suppressed"),
                  numeric: true,
                  cell: (group) => group.suppressed,
                },
              ]}
            />
          </BarChart>
        </>
      )}
      <section aria-labelledby="named-heading">
        <h2 id="named-heading">{t("insights.named.heading")}</h2>
        <p>{t("insights.named.intro")}</p>
        <DataTable
          caption={t("insights.named.heading")}
          captionHidden
          rows={page.named}
          rowKey={(row) => row.key}
          empty={t("insights.named.none")}
          columns={[
            {
              key: "organisation",
              header: t("insights.named.organisation"),
              cell: (row) => row.organisation,
            },
            { key: "year", header: t("insights.named.cohortYear"), cell: (row) => row.year },
            { key: "programKind", header: t("insights.named.programKind"), cell: (row) => row.programKind },
            { key: "value", header: t("insights.named.value"), numeric: true, cell: (row) => row.value },
          ]}
        />
      </section>
      <p>
        <a href={`/insights/export?${page.search}`} download>
          {t("insights.export")}
        </a>
      </p>
    </>
  );
}
