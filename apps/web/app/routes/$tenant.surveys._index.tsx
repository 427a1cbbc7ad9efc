import { listParticipantRounds } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { presentMyRounds } from "../presenters/my-surveys.server";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("surveys.list.title");

/** A participant's surveys: the rounds of the cohorts they take part in, and where they stand on each. */
export const loader = tenantLoader(
  { permission: "surveys.respond" },
  async ({ tenant, membership, locale, withTenant }) => {
    const base = `/${tenant.slug}/surveys`;
    const { staffMemberId } = membership;
    if (!staffMemberId) return { linked: false as const, base, rounds: [] };
    const rounds = await withTenant((db) =>
      listParticipantRounds(db, { tenantId: tenant.id, staffMemberId }),
    );
    return { linked: true as const, base, rounds: presentMyRounds(rounds, locale) };
  },
);

export default function MySurveys() {
  const { t } = useTranslation();
  const { linked, base, rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("surveys.list.title")}</h1>
      <p>{t("surveys.list.intro")}</p>
      {!linked ? (
        <p role="status" className="form-status">
          {t("surveys.list.noStaff")}
        </p>
      ) : (
        <DataTable
          caption={t("surveys.list.caption")}
          captionHidden
          rows={rounds}
          rowKey={(round) => round.roundId}
          empty={t("surveys.list.none")}
          columns={[
            {
              key: "survey",
              header: t("surveys.list.survey"),
              cell: (round) => <Link to={`${base}/${round.roundId}`}>{round.title}</Link>,
            },
            { key: "cohort", header: t("surveys.list.cohort"), cell: (round) => round.cohortTitle },
            {
              key: "phase",
              header: t("surveys.list.phase"),
              cell: (round) => t(`surveys.phase.${round.phase}`),
            },
            { key: "closesOn", header: t("surveys.list.closesOn"), cell: (round) => round.closesOn },
            {
              key: "status",
              header: t("surveys.list.status"),
              cell: (round) => (
                <>
                  {t(`surveys.status.${round.status}`)}
                  {round.closed ? (
                    <>
                      {" "}
                      <span className="badge">{t("surveys.list.closed")}</span>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
