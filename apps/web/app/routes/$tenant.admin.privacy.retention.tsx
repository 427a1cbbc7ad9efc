import { getRetentionOverview } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { RetentionPeriods } from "../components/retention-periods";
import { presentRetentionOverview } from "../presenters/retention.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("retention.page.title");

/**
 * The privacy officer's view of retention: each kind's period, what the next purge would delete or
 * pseudonymise now (its own dry run: per kind with the oldest item and the cohorts, per table) and the last
 * runs. Reading changes nothing; the periods are changed by an admin on the settings' retention page.
 */
export const loader = tenantLoader(
  { permission: "privacy.review" },
  async ({ tenant, services, t, locale }) => {
    const overview = await getRetentionOverview(services.db, { tenantId: tenant.id, now: new Date() });
    return {
      policy: `/${tenant.slug}/privacy`,
      ...presentRetentionOverview(overview, { t, locale, timeZone: tenant.timeZone }),
    };
  },
);

export default function RetentionOverview() {
  const { t } = useTranslation();
  const { today, periods, kinds, tables, runs, policy } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("retention.page.title")}</h1>
      <p>{t("retention.page.intro")}</p>
      <p>
        <Link to={policy}>{t("retention.page.policyLink")}</Link>
      </p>

      <h2>{t("retention.page.previewHeading")}</h2>
      <p>{t("retention.page.previewIntro", { today })}</p>
      <DataTable
        caption={t("retention.page.previewCaption")}
        rows={kinds}
        rowKey={(row) => row.kind}
        empty={t("retention.page.nothingDue")}
        columns={[
          { key: "kind", header: t("retention.page.kindColumn"), cell: (row) => row.name },
          { key: "count", header: t("retention.page.countColumn"), cell: (row) => row.count, numeric: true },
          { key: "oldest", header: t("retention.page.oldestColumn"), cell: (row) => row.oldest },
          { key: "cohorts", header: t("retention.page.cohortsColumn"), cell: (row) => row.cohorts },
        ]}
        rowProps={(row) => ({ "data-kind": row.kind })}
      />

      <h2>{t("retention.page.tablesHeading")}</h2>
      <DataTable
        caption={t("retention.page.tablesCaption")}
        rows={tables}
        rowKey={(row) => row.table}
        empty={t("retention.page.nothingDue")}
        columns={[
          { key: "table", header: t("retention.page.tableColumn"), cell: (row) => row.name },
          {
            key: "deleted",
            header: t("retention.page.deletedColumn"),
            cell: (row) => row.deleted,
            numeric: true,
          },
          {
            key: "pseudonymised",
            header: t("retention.page.pseudonymisedColumn"),
            cell: (row) => row.pseudonymised,
            numeric: true,
          },
        ]}
      />

      <h2>{t("retention.page.periodsHeading")}</h2>
      <RetentionPeriods caption={t("retention.page.periodsCaption")} periods={periods} />

      <h2>{t("retention.page.runsHeading")}</h2>
      <DataTable
        caption={t("retention.page.runsCaption")}
        rows={runs}
        rowKey={(row) => row.key}
        empty={t("retention.page.noRuns")}
        columns={[
          { key: "at", header: t("retention.page.runAtColumn"), cell: (row) => row.at },
          {
            key: "deleted",
            header: t("retention.page.deletedColumn"),
            cell: (row) => row.deleted,
            numeric: true,
          },
          {
            key: "pseudonymised",
            header: t("retention.page.pseudonymisedColumn"),
            cell: (row) => row.pseudonymised,
            numeric: true,
          },
          { key: "files", header: t("retention.page.filesColumn"), cell: (row) => row.files, numeric: true },
        ]}
      />
    </>
  );
}
