import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { tenantRoute } from "../services/guard.server";

/** Who can sign in to this organisation, with which roles, and who has been invited. */
export const loader = tenantRoute("members.view", async ({ context, tenant }) => {
  return context.services.db.withTenant(tenant.id, async (tx) => {
    const members = await tx.membership.findMany({
      where: { tenantId: tenant.id },
      select: { id: true, roles: true, user: { select: { displayName: true, email: true } } },
      orderBy: { createdAt: "asc" },
    });
    const invitations = await tx.invitation.findMany({
      where: { tenantId: tenant.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, roles: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
    });
    return { members, invitations, timeZone: tenant.timeZone };
  });
});

export default function Members() {
  const { t, i18n } = useTranslation();
  const { members, invitations, timeZone } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone });
  const roles = (list: string[]) => list.map((role) => t(`role.${role}`)).join(", ");
  return (
    <>
      <h1>{t("members.title")}</h1>
      {members.length === 0 ? (
        <p>{t("members.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("members.roles")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>{member.user.displayName}</td>
                  <td>{member.user.email}</td>
                  <td>{roles(member.roles)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("members.invitations")}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.invitedRoles")}</th>
              <th scope="col">{t("members.expiresAt")}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{roles(invitation.roles)}</td>
                <td>{date.format(new Date(invitation.expiresAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
