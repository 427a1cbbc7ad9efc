import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { myRounds } from "../services/surveys.server";

/** A participant's surveys: the rounds of the cohorts they take part in, and where they stand on each. */
export const loader = tenantRoute("surveys.respond", async ({ request, context, tenant, membership }) => {
  const base = `/${tenant.slug}/surveys`;
  if (!membership.staffMemberId) return { linked: false as const, base, rounds: [] };
  const rounds = await myRounds(context.services, {
    tenant,
    staffMemberId: membership.staffMemberId,
    locale: await localeOf(request),
  });
  return { linked: true as const, base, rounds };
});

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
      ) : rounds.length === 0 ? (
        <p>{t("surveys.list.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("surveys.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.list.survey")}</th>
                <th scope="col">{t("surveys.list.cohort")}</th>
                <th scope="col">{t("surveys.list.phase")}</th>
                <th scope="col">{t("surveys.list.closesOn")}</th>
                <th scope="col">{t("surveys.list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.roundId}>
                  <th scope="row">
                    <Link to={`${base}/${round.roundId}`}>{round.title}</Link>
                  </th>
                  <td>{round.cohortTitle}</td>
                  <td>{t(`surveys.phase.${round.phase}`)}</td>
                  <td>{round.closesOn}</td>
                  <td>
                    {t(`surveys.status.${round.status}`)}
                    {round.closed ? (
                      <>
                        {" "}
                        <span className="badge">{t("surveys.list.closed")}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
