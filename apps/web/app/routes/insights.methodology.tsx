import { INSIGHTS_MIN_CELL, INSIGHTS_MIN_COHORTS, insightMetricKeys } from "@mentoring/domain";
import { messageKey } from "@mentoring/i18n";
import { getInsightsPublication } from "@mentoring/tenants";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../components/page-title";
import { insightsNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { formatDateTime } from "../services/format.server";
import { insightsReaderOf } from "../services/insights-reader.server";
import { platformLoader } from "../services/route-builder.server";

export const handle = pageTitle("insights.methodology.title");

/**
 * How national insights are made (insights.view), mirroring docs/insights-methodology.md: who is in it,
 * what each figure counts, the suppression of cells about fewer than INSIGHTS_MIN_CELL people with
 * complementary suppression, rounding, distributions instead of rankings, the schedule, and the date of the
 * latest publication.
 */
export const loader = platformLoader({ permission: "insights.view" }, async ({ user, services, locale }) => {
  const publication = await getInsightsPublication(insightsReaderOf(services));
  return {
    userName: user.displayName,
    latest: publication
      ? formatDateTime(publication.publishedAt, locale, "Asia/Seoul", { dateStyle: "long" })
      : null,
    minCell: INSIGHTS_MIN_CELL,
    minCohorts: INSIGHTS_MIN_COHORTS,
  };
});

export default function InsightsMethodology() {
  const { t } = useTranslation();
  const { userName, latest, minCell, minCohorts } = useLoaderData<typeof loader>();
  return (
    <Shell title={t("app.name")} homeTo="/insights" nav={insightsNav} userName={userName}>
      <h1>{t("insights.methodology.title")}</h1>
      <p>{t("insights.methodology.intro")}</p>
      <p data-testid="methodology-latest">
        {latest ? t("insights.methodology.latest", { date: latest }) : t("insights.methodology.noneYet")}
      </p>
      <h2>{t("insights.methodology.whoHeading")}</h2>
      <ul>
        <li>{t("insights.methodology.who.optIn")}</li>
        <li>{t("insights.methodology.who.named")}</li>
        <li>{t("insights.methodology.who.cohorts")}</li>
        <li>{t("insights.methodology.who.reference")}</li>
      </ul>
      <h2>{t("insights.methodology.countedHeading")}</h2>
      <p>{t("insights.methodology.counted")}</p>
      <dl className="facts">
        {insightMetricKeys.map((metric) => (
          <Fragment key={metric}>
            <dt>{t(messageKey(`insights.metric.${metric}`))}</dt>
            <dd>{t(messageKey(`insights.metricDescription.${metric}`))}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t("insights.methodology.suppressionHeading")}</h2>
      <p>{t("insights.methodology.primary", { minCell })}</p>
      <p>{t("insights.methodology.complementary")}</p>
      <p>{t("insights.methodology.complements")}</p>
      <h2>{t("insights.methodology.roundingHeading")}</h2>
      <p>{t("insights.methodology.rounding")}</p>
      <h2>{t("insights.methodology.distributionHeading")}</h2>
      <p>{t("insights.methodology.distribution", { minCohorts })}</p>
      <h2>{t("insights.methodology.scheduleHeading")}</h2>
      <p>{t("insights.methodology.schedule")}</p>
      <p>
        <Link to="/insights">{t("insights.methodology.back")}</Link>
      </p>
    </Shell>
  );
}
