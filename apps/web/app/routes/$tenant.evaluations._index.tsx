import { listMyEvaluationTeams } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentMyEvaluationTeams } from "../presenters/evaluator.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("evaluations.evaluator.list.title");

/**
 * The evaluator's teams: those the coordinators assigned to them across the tenant's cohorts, and only
 * those, each with how far the evaluation has come and the way to it. An outside trainer holding only the
 * evaluator role starts here.
 */
export const loader = tenantLoader(
  { permission: "evaluations.score" },
  async ({ tenant, user, locale, withTenant }) => {
    const teams = await withTenant((db) =>
      listMyEvaluationTeams(db, { tenantId: tenant.id, evaluatorUserId: user.id }),
    );
    return { teams: presentMyEvaluationTeams(teams, locale, tenant.timeZone), base: `/${tenant.slug}` };
  },
);

type Team = ReturnType<typeof useLoaderData<typeof loader>>["teams"][number];

export default function MyEvaluations() {
  const { t } = useTranslation();
  const { teams, base } = useLoaderData<typeof loader>();
  const teamName = (team: Team) =>
    team.teamName
      ? t("evaluations.evaluator.team.named", { number: team.teamNumber, name: team.teamName })
      : t("evaluations.evaluator.team.number", { number: team.teamNumber });
  return (
    <>
      <h1>{t("evaluations.evaluator.list.title")}</h1>
      <p>{t("evaluations.evaluator.list.intro")}</p>
      <DataTable
        caption={t("evaluations.evaluator.list.caption")}
        rows={teams}
        rowKey={(team) => team.teamId}
        empty={t("evaluations.evaluator.list.none")}
        columns={[
          { key: "cohort", header: t("evaluations.evaluator.list.cohort"), cell: (team) => team.cohortTitle },
          {
            key: "team",
            header: t("evaluations.evaluator.list.team"),
            cell: (team) => <Link to={`${base}/evaluations/${team.teamId}`}>{teamName(team)}</Link>,
          },
          {
            key: "status",
            header: t("evaluations.evaluator.list.status"),
            cell: (team) => (
              <>
                <span className="badge">{t(`evaluations.evaluator.status.${team.progress}`)}</span>
                {team.submittedAt ? (
                  <> {t("evaluations.evaluator.status.submittedAt", { when: team.submittedAt })}</>
                ) : null}
              </>
            ),
          },
          {
            key: "scored",
            header: t("evaluations.evaluator.list.scored"),
            cell: (team) => t("evaluations.evaluator.list.scoredValue", { count: team.scored }),
          },
        ]}
      />
    </>
  );
}
