import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { tenantRoute } from "../services/guard.server";
import { myTeamPage } from "../services/matching.server";

/** A participant's own team, once published: its members and how to reach them. Nothing of other teams. */
export const loader = tenantRoute("own_team.view", async ({ context, tenant, membership }) => ({
  teams: await myTeamPage(context.services, tenant, membership.staffMemberId),
}));

/** A telephone number as a tel: link wants it: digits and a leading +. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

export default function MyTeam() {
  const { t } = useTranslation();
  const { teams } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("matching.mine.title")}</h1>
      {teams.length === 0 ? (
        <section aria-labelledby="no-team" className="card">
          <h2 id="no-team">{t("matching.mine.none")}</h2>
          <p>{t("matching.mine.noneHint")}</p>
        </section>
      ) : (
        <>
          <p>{t("matching.mine.privacy")}</p>
          {teams.map((team) => {
            const headingId = `team-${team.cohortId}`;
            return (
              <section key={team.cohortId} aria-labelledby={headingId} className="card" data-testid="my-team">
                <h2 id={headingId}>
                  {t("matching.mine.team", { cohort: team.cohortTitle, number: team.teamNumber })}
                </h2>
                <p>{t("matching.mine.myRole", { role: t(`programs.role.${team.myRole}`) })}</p>
                <div className="table-wrap">
                  <table>
                    <caption>{t("matching.mine.caption", { number: team.teamNumber })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("matching.mine.name")}</th>
                        <th scope="col">{t("matching.mine.role")}</th>
                        <th scope="col">{t("matching.mine.department")}</th>
                        <th scope="col">{t("matching.mine.position")}</th>
                        <th scope="col">{t("matching.mine.email")}</th>
                        <th scope="col">{t("matching.mine.phone")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {team.members.map((member) => (
                        <tr
                          key={`${member.role}:${member.name}:${member.email ?? ""}`}
                          aria-current={member.isMe ? "true" : undefined}
                          data-testid="my-team-member"
                        >
                          <th scope="row">
                            {member.name}
                            {member.isMe ? (
                              <>
                                {" "}
                                <span className="badge">{t("matching.mine.me")}</span>
                              </>
                            ) : null}
                          </th>
                          <td>{t(`programs.role.${member.role}`)}</td>
                          <td>{member.department}</td>
                          <td>{member.positionTitle}</td>
                          <td>
                            {member.email ? (
                              <a href={`mailto:${member.email}`}>{member.email}</a>
                            ) : (
                              t("matching.mine.noContact")
                            )}
                          </td>
                          <td>
                            {member.phone ? (
                              <a href={telHref(member.phone)}>{member.phone}</a>
                            ) : (
                              t("matching.mine.noContact")
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
