import { getTeamProgress, nudgeTeams, tenantToday } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { formatNumber } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("activities.review.title");

const sorts = ["team", "lastOn", "last30Days", "missing"] as const;

/**
 * The coordinator's running dashboard of a cohort's teams: how often each meets and acts, its assignments
 * on time, late or missing, its attendance rate, and whether it is at risk; filtered to teams at risk and
 * sorted on request. What a team wrote (topics, notes, work) is not read for this page.
 */
export const loader = tenantLoader(
  {
    permission: "programs.view",
    params: cohortParams,
    query: z.object({
      atRisk: z.enum(["on"]).optional().catch(undefined),
      sort: z.enum(sorts).default("team").catch("team"),
    }),
  },
  async ({ params, query, tenant, locale, may, withTenant }) => {
    const progress = await withTenant((db) =>
      getTeamProgress(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        today: tenantToday(tenant.timeZone),
        now: new Date(),
      }),
    );
    const by: Record<(typeof sorts)[number], (a: Team, b: Team) => number> = {
      team: (a, b) => a.teamNumber - b.teamNumber,
      // Longest silent first: nothing logged before anything logged, then the oldest day.
      lastOn: (a, b) => (a.lastOn ?? "").localeCompare(b.lastOn ?? ""),
      last30Days: (a, b) => a.last30Days - b.last30Days,
      missing: (a, b) => b.submissions.missing - a.submissions.missing,
    };
    type Team = (typeof progress.teams)[number];
    const teams = progress.teams
      .filter((team) => !query.atRisk || team.atRisk)
      .sort((a, b) => by[query.sort](a, b) || a.teamNumber - b.teamNumber)
      .map((team) => ({
        ...team,
        attendance:
          team.attendanceRate === null
            ? null
            : formatNumber(team.attendanceRate, locale, { style: "percent" }),
      }));
    return {
      cohort: progress.cohort,
      teams,
      atRiskCount: progress.teams.filter((team) => team.atRisk).length,
      filter: { atRisk: query.atRisk === "on", sort: query.sort },
      tenantSlug: tenant.slug,
      canNudge: may("programs.manage"),
    };
  },
);

const nudgeForm = z.object({ teamIds: z.array(id).default([]) });

/** A friendly nudge by mail to every member of the chosen teams (at most once a day per team). */
export const action = tenantAction(
  { permission: "programs.manage", params: cohortParams, form: nudgeForm },
  async ({ params, form, tenant, user, services, requestId, withTenant }) =>
    withTenant((db) =>
      nudgeTeams(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        teamIds: form.teamIds,
        today: tenantToday(tenant.timeZone),
        actorUserId: user.id,
        appUrl: services.config.APP_URL,
        requestId,
      }),
    ),
);

export default function TeamProgress() {
  const { t } = useTranslation();
  const { cohort, teams, atRiskCount, filter, tenantSlug, canNudge } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("activities.review.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("activities.review.intro")}</p>
      <p data-testid="at-risk-count">{t("activities.review.atRiskCount", { count: atRiskCount })}</p>
      <p>
        <a href={`/${tenantSlug}/programs/cohorts/${cohort.id}/progress/export`} download>
          {t("activities.review.download")}
        </a>
      </p>
      <Form method="get" className="filters">
        <div className="field field--check">
          <input type="checkbox" id="at-risk-only" name="atRisk" value="on" defaultChecked={filter.atRisk} />{" "}
          <label htmlFor="at-risk-only">{t("activities.review.atRiskOnly")}</label>
        </div>
        <div className="field">
          <label htmlFor="progress-sort">{t("activities.review.sort")}</label>
          <select id="progress-sort" name="sort" defaultValue={filter.sort}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`activities.review.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("activities.review.apply")}</button>
      </Form>
      {result ? (
        isRefusal(result) ? (
          <p role="alert" className="form-error">
            {result.error?.[""]?.[0]}
          </p>
        ) : (
          <p role="status" className="form-status">
            {t("activities.review.nudged", { teams: result.teams, mails: result.mails })}
          </p>
        )
      ) : null}
      <Form method="post" id="nudge-form">
        <CsrfInput />
      </Form>
      <DataTable
        caption={t("activities.review.caption")}
        rows={teams}
        rowKey={(team) => team.teamId}
        empty={t("activities.review.none")}
        columns={[
          {
            key: "team",
            header: t("activities.review.team"),
            cell: (team) => (
              <>
                {t("activities.review.teamNumber", { number: team.teamNumber })}
                {team.atRisk ? (
                  <>
                    {" "}
                    <span className="badge badge--hard">{t("activities.review.atRisk")}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { key: "meetings", header: t("activities.review.meetings"), cell: (team) => team.meetings },
          {
            key: "teamActivities",
            header: t("activities.review.teamActivities"),
            cell: (team) => team.teamActivities,
          },
          { key: "last30Days", header: t("activities.review.last30Days"), cell: (team) => team.last30Days },
          { key: "minutes", header: t("activities.review.minutes"), cell: (team) => team.minutes },
          {
            key: "lastOn",
            header: t("activities.review.lastOn"),
            cell: (team) => team.lastOn ?? t("activities.review.never"),
          },
          {
            key: "submissions",
            header: t("activities.review.submissions"),
            cell: (team) => t("activities.review.submissionCounts", team.submissions),
          },
          {
            key: "attendance",
            header: t("activities.review.attendance"),
            cell: (team) => team.attendance ?? t("activities.review.never"),
          },
          ...(canNudge
            ? [
                {
                  key: "nudge",
                  header: t("activities.review.nudge"),
                  cell: (team: (typeof teams)[number]) => (
                    <>
                      <input
                        type="checkbox"
                        form="nudge-form"
                        name="teamIds"
                        value={team.teamId}
                        id={`nudge-${team.teamId}`}
                        defaultChecked={team.atRisk}
                      />{" "}
                      <label htmlFor={`nudge-${team.teamId}`}>
                        {t("activities.review.nudgeTeam", { number: team.teamNumber })}
                      </label>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canNudge && teams.length > 0 ? (
        <p>
          <button type="submit" form="nudge-form" disabled={busy}>
            {t("activities.review.nudgeChosen")}
          </button>
        </p>
      ) : null}
    </>
  );
}
