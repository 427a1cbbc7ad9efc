import { listMyTeams } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsentWithdrawalLink } from "../components/consent-link";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("matching.mine.title");

/** A participant's own team, once published: its members and how to reach them. Nothing of other teams. */
export const loader = tenantLoader(
  { permission: "own_team.view" },
  async ({ tenant, membership, withTenantSql }) => {
    const { staffMemberId } = membership;
    // A member without a staff record takes part in no cohort, so is in no team.
    if (!staffMemberId) return { teams: [] };
    return { teams: await withTenantSql((sql) => listMyTeams(sql, { tenantId: tenant.id, staffMemberId })) };
  },
);

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
                <DataTable
                  caption={t("matching.mine.caption", { number: team.teamNumber })}
                  rows={team.members}
                  rowKey={(member) => `${member.role}:${member.name}:${member.email ?? ""}`}
                  rowProps={(member) => ({
                    "aria-current": member.isMe ? "true" : undefined,
                    "data-testid": "my-team-member",
                  })}
                  empty={null}
                  columns={[
                    {
                      key: "name",
                      header: t("matching.mine.name"),
                      cell: (member) => (
                        <>
                          {member.name}
                          {member.isMe ? (
                            <>
                              {" "}
                              <span className="badge">{t("matching.mine.me")}</span>
                            </>
                          ) : null}
                        </>
                      ),
                    },
                    {
                      key: "role",
                      header: t("matching.mine.role"),
                      cell: (member) => t(`programs.role.${member.role}`),
                    },
                    {
                      key: "department",
                      header: t("matching.mine.department"),
                      cell: (member) => member.department,
                    },
                    {
                      key: "position",
                      header: t("matching.mine.position"),
                      cell: (member) => member.positionTitle,
                    },
                    {
                      key: "email",
                      header: t("matching.mine.email"),
                      cell: (member) =>
                        member.email ? (
                          <a href={`mailto:${member.email}`}>{member.email}</a>
                        ) : (
                          t("matching.mine.noContact")
                        ),
                    },
                    {
                      key: "phone",
                      header: t("matching.mine.phone"),
                      cell: (member) =>
                        member.phone ? (
                          <a href={telHref(member.phone)}>{member.phone}</a>
                        ) : (
                          t("matching.mine.noContact")
                        ),
                    },
                  ]}
                />
                <p>
                  <ConsentWithdrawalLink cohortId={team.cohortId} cohortTitle={team.cohortTitle} />
                </p>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
