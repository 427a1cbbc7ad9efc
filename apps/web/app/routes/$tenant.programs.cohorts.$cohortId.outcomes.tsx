import { getCohortOutcomes } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CohortNav } from "../components/cohort-nav";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentCohortOutcomes } from "../presenters/cohort-outcomes.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

export const handle = pageTitle("programs.outcomes.page.title");

/**
 * What a cohort changed (dashboards.view: its coordinator and the executives): per area of the diagnostic
 * the cohort's pre/post change with its interval and what may be said of it, each team's change (direction
 * only below 5 people), each person's (the coordinator alone), satisfaction per question, and the cohort
 * before it of the same program compared.
 */
export const loader = tenantLoader(
  { permission: "dashboards.view", params: cohortParams },
  async ({ params, tenant, locale, may, withTenant }) => {
    const runsCohorts = may("programs.manage");
    const view = await withTenant(
      (db) => getCohortOutcomes(db, { tenantId: tenant.id, cohortId: params.cohortId }),
      // Each person's diagnostic change is shown to the coordinator alone; executives see teams and cohorts.
      {
        accessLog: (view) =>
          runsCohorts
            ? {
                kind: "diagnostic_results",
                subjects: { applicationIds: view.people.map((person) => person.applicationId) },
                cohortId: params.cohortId,
              }
            : null,
      },
    );
    return {
      outcomes: presentCohortOutcomes(view, locale, { withPeople: runsCohorts }),
      tenantSlug: tenant.slug,
      withNav: may("programs.view"),
    };
  },
);

export default function CohortOutcomes() {
  const { t } = useTranslation();
  const { outcomes, tenantSlug, withNav } = useLoaderData<typeof loader>();
  const { cohort, dimensions, teams, people, satisfaction, previous } = outcomes;
  const none = t("programs.outcomes.page.noValue");
  const range = (interval: { low: string | null; high: string | null } | null) =>
    interval ? t("programs.outcomes.page.range", interval) : none;
  const direction = (value: "up" | "down" | "none" | null) =>
    value ? t(`programs.outcomes.direction.${value}`) : none;
  const anyTooFew = teams.some((team) =>
    Object.values(team.changes).some((change) => change?.verdict === "too_few"),
  );
  return (
    <>
      <h1>{t("programs.outcomes.page.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      {withNav ? <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} /> : null}
      <p>{t("programs.outcomes.page.intro")}</p>

      <h2>{t("programs.outcomes.page.cohortHeading")}</h2>
      <DataTable
        caption={t("programs.outcomes.page.cohortCaption")}
        captionHidden
        rows={dimensions}
        rowKey={(dimension) => dimension.key}
        rowProps={(dimension) => ({ "data-testid": `cohort-change-${dimension.key}` })}
        empty={t("programs.outcomes.page.noDiagnostic")}
        columns={[
          { key: "dimension", header: t("programs.outcomes.page.dimension"), cell: (d) => d.label },
          {
            key: "mean",
            header: t("programs.outcomes.page.mean"),
            numeric: true,
            cell: (d) => d.cohort.mean ?? none,
          },
          {
            key: "direction",
            header: t("programs.outcomes.page.direction"),
            cell: (d) => direction(d.cohort.direction),
          },
          {
            key: "interval",
            header: t("programs.outcomes.page.interval"),
            cell: (d) => range(d.cohort.interval),
          },
          { key: "n", header: t("programs.outcomes.page.n"), numeric: true, cell: (d) => d.cohort.nText },
          {
            key: "verdict",
            header: t("programs.outcomes.page.verdict"),
            cell: (d) => t(`programs.outcomes.verdict.${d.cohort.verdict}`),
          },
        ]}
      />

      <h2>{t("programs.outcomes.page.teamsHeading")}</h2>
      <DataTable
        caption={t("programs.outcomes.page.teamsCaption")}
        captionHidden
        rows={teams}
        rowKey={(team) => team.teamId}
        rowProps={(team) => ({ "data-testid": `team-change-${team.number}` })}
        empty={t("programs.outcomes.page.noTeams")}
        columns={[
          {
            key: "team",
            header: t("programs.outcomes.page.team"),
            cell: (team) => team.name ?? t("programs.outcomes.page.teamNumber", { number: team.number }),
          },
          {
            key: "members",
            header: t("programs.outcomes.page.members"),
            numeric: true,
            cell: (team) => team.members,
          },
          ...dimensions.flatMap((dimension) => [
            {
              key: `${dimension.key}-mean`,
              header: t("programs.outcomes.page.dimensionMean", { dimension: dimension.label }),
              cell: (team: (typeof teams)[number]) => {
                const change = team.changes[dimension.key];
                return change?.mean
                  ? t("programs.outcomes.page.changeWithCount", {
                      change: change.mean,
                      direction: direction(change.direction),
                      count: change.n,
                    })
                  : none;
              },
            },
            {
              key: `${dimension.key}-verdict`,
              header: t("programs.outcomes.page.dimensionVerdict", { dimension: dimension.label }),
              cell: (team: (typeof teams)[number]) => {
                const change = team.changes[dimension.key];
                return change ? t(`programs.outcomes.verdict.${change.verdict}`) : none;
              },
            },
          ]),
        ]}
      />
      {anyTooFew ? <p className="form-hint">{t("programs.outcomes.directionOnly")}</p> : null}

      <h2>{t("programs.outcomes.page.peopleHeading")}</h2>
      {people ? (
        <details>
          <summary>{t("programs.outcomes.page.peopleShow", { count: people.length })}</summary>
          <DataTable
            caption={t("programs.outcomes.page.peopleCaption")}
            captionHidden
            rows={people}
            rowKey={(person) => person.applicationId}
            empty={t("programs.outcomes.page.noTeams")}
            columns={[
              {
                key: "name",
                header: t("programs.outcomes.page.name"),
                cell: (person) => <span className="participant-name">{person.name}</span>,
              },
              {
                key: "department",
                header: t("programs.outcomes.page.department"),
                cell: (person) => <span className="participant-department">{person.department}</span>,
              },
              {
                key: "team",
                header: t("programs.outcomes.page.team"),
                cell: (person) =>
                  person.teamNumber === null
                    ? t("programs.outcomes.page.noTeam")
                    : t("programs.outcomes.page.teamNumber", { number: person.teamNumber }),
              },
              {
                key: "role",
                header: t("programs.outcomes.page.role"),
                cell: (person) => t(`programs.role.${person.role}`),
              },
              ...dimensions.map((dimension) => ({
                key: dimension.key,
                header: dimension.label,
                cell: (person: (typeof people)[number]) => {
                  const scores = person.scores[dimension.key];
                  if (!scores) return none;
                  return scores.change === null
                    ? t("programs.outcomes.page.notBoth", {
                        pre: scores.pre ?? none,
                        post: scores.post ?? none,
                      })
                    : t("programs.outcomes.page.prePost", scores);
                },
              })),
            ]}
          />
        </details>
      ) : (
        <p>{t("programs.outcomes.page.peopleHidden")}</p>
      )}

      <h2>{t("programs.outcomes.page.satisfactionHeading")}</h2>
      {satisfaction.length === 0 ? <p>{t("programs.outcomes.page.noSatisfaction")}</p> : null}
      {satisfaction.map((set) => (
        <section key={set.key} aria-label={set.title}>
          <p>
            {t("programs.outcomes.page.satisfactionRespondents", {
              title: set.title,
              count: set.respondents,
            })}
          </p>
          <DataTable
            caption={t("programs.outcomes.page.satisfactionCaption", { title: set.title })}
            captionHidden
            rows={set.questions}
            rowKey={(question) => question.key}
            rowProps={(question) => ({ "data-testid": `satisfaction-${question.key}` })}
            empty={t("programs.outcomes.page.noSatisfaction")}
            columns={[
              { key: "question", header: t("programs.outcomes.page.question"), cell: (q) => q.prompt },
              {
                key: "mean",
                header: t("programs.outcomes.page.average"),
                numeric: true,
                cell: (q) => q.mean ?? none,
              },
              {
                key: "agree",
                header: t("programs.outcomes.page.agree"),
                numeric: true,
                cell: (q) => q.agree ?? none,
              },
              { key: "n", header: t("programs.outcomes.page.answered"), numeric: true, cell: (q) => q.n },
              {
                key: "distribution",
                header: t("programs.outcomes.page.distribution"),
                cell: (q) => t("programs.outcomes.page.distributionText", q.counts),
              },
            ]}
          />
        </section>
      ))}

      <h2>{t("programs.outcomes.page.comparisonHeading")}</h2>
      {previous ? (
        <>
          <p>{t("programs.outcomes.page.comparisonIntro", { earlier: previous.earlierTitle })}</p>
          <DataTable
            caption={t("programs.outcomes.page.comparisonCaption", {
              earlier: previous.earlierTitle,
              later: previous.laterTitle,
            })}
            captionHidden
            rows={previous.rows}
            rowKey={(row) => row.key}
            rowProps={(row) => ({ "data-testid": `comparison-${row.key}` })}
            empty={t("programs.outcomes.page.noDiagnostic")}
            columns={[
              { key: "dimension", header: t("programs.outcomes.page.dimension"), cell: (row) => row.label },
              {
                key: "earlier",
                header: t("programs.outcomes.page.earlierMean", { cohort: previous.earlierTitle }),
                cell: (row) =>
                  t("programs.outcomes.page.meanWithCount", {
                    change: row.earlier.mean ?? none,
                    count: row.earlier.n,
                  }),
              },
              {
                key: "later",
                header: t("programs.outcomes.page.laterMean", { cohort: previous.laterTitle }),
                cell: (row) =>
                  t("programs.outcomes.page.meanWithCount", {
                    change: row.later.mean ?? none,
                    count: row.later.n,
                  }),
              },
              {
                key: "difference",
                header: t("programs.outcomes.page.difference"),
                numeric: true,
                cell: (row) => row.difference ?? none,
              },
              {
                key: "interval",
                header: t("programs.outcomes.page.interval"),
                cell: (row) => range(row.interval),
              },
              {
                key: "verdict",
                header: t("programs.outcomes.page.verdict"),
                cell: (row) =>
                  t(`programs.outcomes.comparison.${row.verdict}`, {
                    earlier: previous.earlierTitle,
                    later: previous.laterTitle,
                  }),
              },
            ]}
          />
        </>
      ) : (
        <p>{t("programs.outcomes.page.noPrevious")}</p>
      )}
    </>
  );
}
