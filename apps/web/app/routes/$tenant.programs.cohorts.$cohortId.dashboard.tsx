import { getCohortDashboard } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart, type BarRow } from "../components/bar-chart";
import { CohortNav } from "../components/cohort-nav";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { type CohortDashboardPage, presentCohortDashboard } from "../presenters/cohort-dashboard.server";
import { formatNumber } from "../services/format.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle("dashboards.title");

/**
 * A cohort's dashboard (dashboards.view): the coordinator sees the headline figures and every chart
 * (participation per month, attendance per month and per session, assignments on time, pre/post change,
 * satisfaction, the evaluators' spread per team); an executive, who runs no cohort, the headline figures and
 * two charts (activities per month, pre/post change). Every chart is server-rendered SVG with its table.
 */
export const loader = tenantLoader(
  { permission: "dashboards.view", params: cohortParams },
  async ({ params, tenant, locale, may, withTenant }) => {
    // From the read replica when there is one and it has this reader's last write (ADR 0028).
    const view = await withTenant(
      (db) => getCohortDashboard(db, { tenantId: tenant.id, cohortId: params.cohortId, now: new Date() }),
      { replica: true },
    );
    const dashboard = presentCohortDashboard(view, locale, tenant.timeZone, {
      full: may("programs.view"),
    });
    const signed = (value: number) => formatNumber(value, locale, { signDisplay: "exceptZero" });
    return {
      dashboard,
      // The charts' scales in words, formatted here: the page imports no server code.
      scale: {
        zero: formatNumber(0, locale),
        percent: formatNumber(1, locale, { style: "percent" }),
        zeroPercent: formatNumber(0, locale, { style: "percent" }),
        five: formatNumber(5, locale),
        activitiesMax: formatNumber(dashboard.activitiesMax, locale),
        changeMin: signed(-dashboard.changeExtent),
        changeMax: signed(dashboard.changeExtent),
        evaluationMax: dashboard.full ? formatNumber(dashboard.evaluationMax, locale) : "",
      },
      tenantSlug: tenant.slug,
    };
  },
);

type Page = CohortDashboardPage;
type Share = Page["headline"]["attendance"];

export default function CohortDashboard() {
  const { t } = useTranslation();
  const { dashboard, scale, tenantSlug } = useLoaderData<typeof loader>();
  const { cohort, headline } = dashboard as Page;
  const full = dashboard.full ? (dashboard as Full) : null;
  const rate = (share: Share) =>
    share.percent ? t("dashboards.text.rate", share) : t("dashboards.text.noAttendance");
  const table = t("dashboards.showTable");

  const activities = (
    <BarChart
      id="activities"
      title={t("dashboards.charts.activities")}
      rows={dashboard.months.map(
        (month): BarRow => ({
          key: month.key,
          label: month.label,
          value: month.activities,
          text: t("dashboards.text.month", {
            activities: month.activitiesText,
            meetings: month.meetingsText,
          }),
        }),
      )}
      max={dashboard.activitiesMax}
      scale={{ min: scale.zero, max: scale.activitiesMax }}
      tableLabel={table}
    >
      <DataTable
        caption={t("dashboards.charts.activities")}
        captionHidden
        rows={dashboard.months}
        rowKey={(month) => month.key}
        rowProps={(month) => ({ "data-testid": `activities-${month.key}` })}
        empty={t("dashboards.none")}
        columns={[
          { key: "month", header: t("dashboards.table.month"), cell: (month) => month.label },
          {
            key: "activities",
            header: t("dashboards.table.activities"),
            numeric: true,
            cell: (month) => month.activitiesText,
          },
          {
            key: "meetings",
            header: t("dashboards.table.meetings"),
            numeric: true,
            cell: (month) => month.meetingsText,
          },
        ]}
      />
    </BarChart>
  );

  const changes =
    dashboard.changes.length === 0 ? (
      <Empty title={t("dashboards.charts.changes")} text={t("dashboards.empty.changes")} />
    ) : (
      <BarChart
        id="changes"
        title={t("dashboards.charts.changes")}
        rows={dashboard.changes.map(
          (row): BarRow => ({
            key: row.key,
            label: row.label,
            value: row.mean,
            text: row.meanText
              ? t("dashboards.text.change", { mean: row.meanText, n: row.n })
              : t("dashboards.text.noChange"),
          }),
        )}
        min={-dashboard.changeExtent}
        max={dashboard.changeExtent}
        scale={{ min: scale.changeMin, zero: scale.zero, max: scale.changeMax }}
        tableLabel={table}
      >
        <DataTable
          caption={t("dashboards.charts.changes")}
          captionHidden
          rows={dashboard.changes}
          rowKey={(row) => row.key}
          rowProps={(row) => ({ "data-testid": `change-${row.key}` })}
          empty={t("dashboards.empty.changes")}
          columns={[
            { key: "dimension", header: t("dashboards.table.dimension"), cell: (row) => row.label },
            {
              key: "change",
              header: t("dashboards.table.change"),
              numeric: true,
              cell: (row) => row.meanText ?? t("dashboards.none"),
            },
            { key: "n", header: t("dashboards.table.n"), numeric: true, cell: (row) => row.n },
            {
              key: "verdict",
              header: t("dashboards.table.verdict"),
              cell: (row) => t(`programs.outcomes.verdict.${row.verdict}`),
            },
          ]}
        />
      </BarChart>
    );

  return (
    <>
      <h1>{t("dashboards.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      {dashboard.full ? <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} /> : null}
      <p>{dashboard.full ? t("dashboards.intro") : t("dashboards.summaryIntro")}</p>

      <h2>{t("dashboards.headline.heading")}</h2>
      <dl className="headline" data-testid="headline">
        <div>
          <dt>{t("dashboards.headline.teams")}</dt>
          <dd data-testid="headline-teams">
            {t("dashboards.headline.teamsValue", { value: headline.teams })}
          </dd>
        </div>
        <div>
          <dt>{t("dashboards.headline.activities")}</dt>
          <dd data-testid="headline-activities">
            {t("dashboards.headline.countValue", { value: headline.activities })}
          </dd>
        </div>
        <div>
          <dt>{t("dashboards.headline.meetings")}</dt>
          <dd data-testid="headline-meetings">
            {t("dashboards.headline.countValue", { value: headline.meetings })}
          </dd>
        </div>
        <div>
          <dt>{t("dashboards.headline.attendance")}</dt>
          <dd data-testid="headline-attendance">
            {headline.attendance.percent
              ? t("dashboards.headline.shareValue", headline.attendance)
              : t("dashboards.none")}
          </dd>
        </div>
        <div>
          <dt>{t("dashboards.headline.onTime")}</dt>
          <dd data-testid="headline-on-time">
            {headline.onTime.percent
              ? t("dashboards.headline.shareValue", headline.onTime)
              : t("dashboards.none")}
          </dd>
        </div>
        <div>
          <dt>{t("dashboards.headline.satisfaction")}</dt>
          <dd data-testid="headline-satisfaction">
            {headline.satisfaction
              ? t("dashboards.headline.satisfactionValue", {
                  mean: headline.satisfaction,
                  n: headline.satisfactionAnswers,
                })
              : t("dashboards.none")}
          </dd>
        </div>
      </dl>

      {activities}
      {full ? <Participation dashboard={full} scale={scale} rate={rate} table={table} /> : null}
      {changes}
      {full ? <Closing dashboard={full} scale={scale} table={table} /> : null}
    </>
  );
}

type Full = Extract<Page, { full: true }>;

interface Scale {
  zero: string;
  percent: string;
  zeroPercent: string;
  five: string;
  evaluationMax: string;
}

function Empty({ title, text }: { title: string; text: string }) {
  return (
    <section className="chart">
      <h2 className="chart__title">{title}</h2>
      <p>{text}</p>
    </section>
  );
}

/** Attendance per month, assignments on time and attendance per session: the coordinator's. */
function Participation({
  dashboard,
  scale,
  rate,
  table,
}: {
  dashboard: Full;
  scale: Scale;
  rate: (share: Share) => string;
  table: string;
}) {
  const { t } = useTranslation();
  const percentScale = { min: scale.zeroPercent, max: scale.percent };
  return (
    <>
      <BarChart
        id="attendance"
        title={t("dashboards.charts.attendance")}
        rows={dashboard.months.map(
          (month): BarRow => ({
            key: month.key,
            label: month.label,
            value: month.attendance.rate,
            text: rate(month.attendance),
          }),
        )}
        max={1}
        scale={percentScale}
        tableLabel={table}
      >
        <DataTable
          caption={t("dashboards.charts.attendance")}
          captionHidden
          rows={dashboard.months}
          rowKey={(month) => month.key}
          rowProps={(month) => ({ "data-testid": `attendance-${month.key}` })}
          empty={t("dashboards.none")}
          columns={[
            { key: "month", header: t("dashboards.table.month"), cell: (month) => month.label },
            {
              key: "rate",
              header: t("dashboards.table.attendanceRate"),
              numeric: true,
              cell: (month) => month.attendance.percent ?? t("dashboards.text.noAttendance"),
            },
            {
              key: "present",
              header: t("dashboards.table.present"),
              numeric: true,
              cell: (month) => month.attendance.part,
            },
            {
              key: "expected",
              header: t("dashboards.table.expected"),
              numeric: true,
              cell: (month) => month.attendance.whole,
            },
          ]}
        />
      </BarChart>

      {dashboard.assignments.length === 0 ? (
        <Empty title={t("dashboards.charts.assignments")} text={t("dashboards.empty.assignments")} />
      ) : (
        <BarChart
          id="assignments"
          title={t("dashboards.charts.assignments")}
          rows={dashboard.assignments.map(
            (row): BarRow => ({
              key: row.key,
              label: row.label,
              value: row.onTime.rate,
              text: !row.onTime.percent
                ? t("dashboards.text.noTeams")
                : row.due
                  ? t("dashboards.text.assignment", { ...row.onTime, late: row.late })
                  : t("dashboards.text.notDue", row.onTime),
            }),
          )}
          max={1}
          scale={percentScale}
          tableLabel={table}
        >
          <DataTable
            caption={t("dashboards.charts.assignments")}
            captionHidden
            rows={dashboard.assignments}
            rowKey={(row) => row.key}
            rowProps={(row) => ({ "data-testid": `assignment-${row.key}` })}
            empty={t("dashboards.empty.assignments")}
            columns={[
              { key: "assignment", header: t("dashboards.table.assignment"), cell: (row) => row.label },
              {
                key: "due",
                header: t("dashboards.table.dueAt"),
                cell: (row) => row.dueAt ?? t("dashboards.none"),
              },
              {
                key: "teams",
                header: t("dashboards.table.teams"),
                numeric: true,
                cell: (row) => row.onTime.whole,
              },
              {
                key: "onTime",
                header: t("dashboards.table.onTime"),
                numeric: true,
                cell: (row) => row.onTime.part,
              },
              { key: "late", header: t("dashboards.table.late"), numeric: true, cell: (row) => row.late },
              {
                key: "missing",
                header: t("dashboards.table.missing"),
                numeric: true,
                cell: (row) => row.missing ?? t("dashboards.table.notDue"),
              },
            ]}
          />
        </BarChart>
      )}

      {dashboard.sessions.length === 0 ? (
        <Empty title={t("dashboards.charts.sessions")} text={t("dashboards.empty.sessions")} />
      ) : (
        <BarChart
          id="sessions"
          title={t("dashboards.charts.sessions")}
          rows={dashboard.sessions.map(
            (row): BarRow => ({
              key: row.key,
              label: `${row.label} (${row.startsAt})`,
              value: row.attendance.rate,
              text: rate(row.attendance),
            }),
          )}
          max={1}
          scale={percentScale}
          tableLabel={table}
        >
          <DataTable
            caption={t("dashboards.charts.sessions")}
            captionHidden
            rows={dashboard.sessions}
            rowKey={(row) => row.key}
            rowProps={(row) => ({ "data-testid": `session-${row.key}` })}
            empty={t("dashboards.empty.sessions")}
            columns={[
              { key: "session", header: t("dashboards.table.session"), cell: (row) => row.label },
              { key: "date", header: t("dashboards.table.date"), cell: (row) => row.startsAt },
              {
                key: "rate",
                header: t("dashboards.table.attendanceRate"),
                numeric: true,
                cell: (row) => row.attendance.percent ?? t("dashboards.none"),
              },
              {
                key: "present",
                header: t("dashboards.table.present"),
                numeric: true,
                cell: (row) => row.attendance.part,
              },
              {
                key: "expected",
                header: t("dashboards.table.expected"),
                numeric: true,
                cell: (row) => row.attendance.whole,
              },
            ]}
          />
        </BarChart>
      )}
    </>
  );
}

/** Satisfaction per question and the evaluators' spread per team: the coordinator's. */
function Closing({ dashboard, scale, table }: { dashboard: Full; scale: Scale; table: string }) {
  const { t } = useTranslation();
  return (
    <>
      {dashboard.satisfaction.length === 0 ? (
        <Empty title={t("dashboards.charts.satisfaction")} text={t("dashboards.empty.satisfaction")} />
      ) : (
        <BarChart
          id="satisfaction"
          title={t("dashboards.charts.satisfaction")}
          rows={dashboard.satisfaction.map(
            (row): BarRow => ({
              key: row.key,
              label: row.label,
              value: row.mean,
              text: row.meanText
                ? t("dashboards.text.satisfaction", { mean: row.meanText, n: row.n })
                : t("dashboards.text.noAnswers"),
            }),
          )}
          max={5}
          scale={{ min: scale.zero, max: scale.five }}
          tableLabel={table}
        >
          <DataTable
            caption={t("dashboards.charts.satisfaction")}
            captionHidden
            rows={dashboard.satisfaction}
            rowKey={(row) => row.key}
            rowProps={(row) => ({ "data-testid": `satisfaction-${row.key}` })}
            empty={t("dashboards.empty.satisfaction")}
            columns={[
              { key: "question", header: t("dashboards.table.question"), cell: (row) => row.label },
              {
                key: "mean",
                header: t("dashboards.table.mean"),
                numeric: true,
                cell: (row) => row.meanText ?? t("dashboards.text.noAnswers"),
              },
              { key: "n", header: t("dashboards.table.answered"), numeric: true, cell: (row) => row.n },
            ]}
          />
        </BarChart>
      )}

      {dashboard.evaluation === null ? (
        <Empty title={t("dashboards.charts.evaluation")} text={t("dashboards.empty.evaluation")} />
      ) : (
        <BarChart
          id="evaluation"
          title={t("dashboards.charts.evaluation")}
          rows={dashboard.evaluation.map(
            (team): BarRow => ({
              key: team.key,
              label: t("dashboards.text.team", { number: team.number }),
              value: team.range,
              text: team.rangeText
                ? t("dashboards.text.spread", {
                    total: team.total,
                    range: team.rangeText,
                    deviation: team.deviation,
                    ...team.evaluations,
                  })
                : t("dashboards.text.oneEvaluator", { total: team.total, ...team.evaluations }),
              flag: team.disagreement ? t("dashboards.text.disagreement") : null,
            }),
          )}
          max={dashboard.evaluationMax}
          scale={{ min: scale.zero, max: scale.evaluationMax }}
          tableLabel={table}
        >
          <DataTable
            caption={t("dashboards.charts.evaluation")}
            captionHidden
            rows={dashboard.evaluation}
            rowKey={(team) => team.key}
            rowProps={(team) => ({ "data-testid": `evaluation-${team.number}` })}
            empty={t("dashboards.empty.evaluation")}
            columns={[
              {
                key: "team",
                header: t("dashboards.table.team"),
                cell: (team) => t("dashboards.text.team", { number: team.number }),
              },
              {
                key: "total",
                header: t("dashboards.table.total"),
                numeric: true,
                cell: (team) => team.total,
              },
              {
                key: "evaluations",
                header: t("dashboards.table.evaluations"),
                numeric: true,
                cell: (team) => `${team.evaluations.part}/${team.evaluations.whole}`,
              },
              {
                key: "range",
                header: t("dashboards.table.range"),
                numeric: true,
                cell: (team) => team.rangeText ?? t("dashboards.none"),
              },
              {
                key: "deviation",
                header: t("dashboards.table.deviation"),
                numeric: true,
                cell: (team) => team.deviation ?? t("dashboards.none"),
              },
              {
                key: "agreement",
                header: t("dashboards.table.agreement"),
                cell: (team) =>
                  team.disagreement ? t("dashboards.text.disagreement") : t("dashboards.table.agree"),
              },
            ]}
          />
        </BarChart>
      )}
    </>
  );
}
