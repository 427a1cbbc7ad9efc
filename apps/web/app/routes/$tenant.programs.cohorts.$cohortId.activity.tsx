import { getCohortActivity, tenantToday } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CohortNav } from "../components/cohort-nav";
import { DataTable } from "../components/data-table";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

/**
 * How often each team of a cohort meets and acts, for the coordinator: counts, minutes and the last day.
 * What a team wrote (topics, notes) stays with the team, and is not even sent to this page.
 */
export const loader = tenantLoader(
  { permission: "programs.view", params: cohortParams },
  async ({ params, tenant, withTenant }) => {
    const page = await withTenant((db) =>
      getCohortActivity(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        today: tenantToday(tenant.timeZone),
      }),
    );
    return { ...page, tenantSlug: tenant.slug };
  },
);

export default function CohortActivity() {
  const { t } = useTranslation();
  const { cohort, teams, tenantSlug } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("activities.review.title")}</h1>
      <p className="survey-meta">{cohort.title}</p>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("activities.review.intro")}</p>
      <DataTable
        caption={t("activities.review.caption")}
        rows={teams}
        rowKey={(team) => team.teamId}
        empty={t("activities.review.none")}
        columns={[
          {
            key: "team",
            header: t("activities.review.team"),
            cell: (team) => t("activities.review.teamNumber", { number: team.teamNumber }),
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
        ]}
      />
    </>
  );
}
