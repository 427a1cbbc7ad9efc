import { can, isAppError, tenantRoles } from "@mentoring/domain";
import { changeMemberRoles, inviteMember, listMembers } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { formatDateTime } from "../services/format.server";
import { forbidden, notFound, tenantRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";

/** Who can sign in to this organisation, with which roles, and who has been invited. */
export const loader = tenantRoute("members.view", async ({ request, context, tenant, membership }) => {
  const lists = await context.services.db.withTenant(tenant.id, (tx) =>
    listMembers(tx, { tenantId: tenant.id }),
  );
  const locale = await localeOf(request);
  return {
    ...lists,
    invitations: lists.invitations.map((invitation) => ({
      ...invitation,
      expiresOn: formatDateTime(invitation.expiresAt, locale, tenant.timeZone, { dateStyle: "medium" }),
    })),
    mayInvite: can(membership.roles, "members.invite"),
    mayManageRoles: can(membership.roles, "members.roles.manage"),
  };
});

const rolesField = z.array(z.enum(tenantRoles));
const inviteForm = z.object({
  email: z.string().trim().min(1, "form.required").email("form.invalidEmail"),
  roles: rolesField.min(1, "members.invite.noRoles"),
});
const rolesForm = z.object({ membershipId: z.string().uuid(), roles: rolesField });

export const action = tenantRoute(
  "members.invite",
  async ({ request, context, tenant, membership, user }) => {
    const form = await request.formData();
    const intent = form.get("intent");
    if (intent === "invite") {
      const parsed = inviteForm.safeParse({ email: form.get("email"), roles: form.getAll("roles") });
      if (!parsed.success) {
        const errors = parsed.error.flatten().fieldErrors;
        return { intent, fieldErrors: { email: errors.email?.[0], roles: errors.roles?.[0] } };
      }
      const { services, requestId } = context;
      const locale = await localeOf(request);
      try {
        await services.db.withTenant(tenant.id, (tx) =>
          inviteMember(tx, {
            tenant,
            actorUserId: user.id,
            email: parsed.data.email,
            roles: parsed.data.roles,
            locale,
            appUrl: services.config.APP_URL,
            requestId,
          }),
        );
      } catch (error) {
        if (!isAppError(error, "member.already_member")) throw error;
        return { intent, fieldErrors: { email: error.messageKey, roles: undefined } };
      }
      return { intent, sent: parsed.data.email };
    }
    if (intent === "roles") {
      if (!can(membership.roles, "members.roles.manage")) throw forbidden();
      const parsed = rolesForm.safeParse({
        membershipId: form.get("membershipId"),
        roles: form.getAll("roles"),
      });
      if (!parsed.success) throw new Response(null, { status: 400 });
      const { membershipId } = parsed.data;
      try {
        const { name } = await changeMemberRoles(context.services.db, {
          tenantId: tenant.id,
          actorUserId: user.id,
          membershipId,
          roles: parsed.data.roles,
          requestId: context.requestId,
        });
        return { intent, membershipId, saved: name };
      } catch (error) {
        if (isAppError(error, "member.not_found")) throw notFound();
        if (!isAppError(error, "member.no_roles", "member.last_admin")) throw error;
        const problems = error.details.fields?.map((field) => field.message) ?? [error.messageKey];
        return { intent, membershipId, problems };
      }
    }
    throw new Response(null, { status: 400 });
  },
);

function RoleCheckboxes({ idPrefix, checked }: { idPrefix: string; checked: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="checkbox-list">
      {tenantRoles.map((role) => (
        <li key={role}>
          <input
            type="checkbox"
            id={`${idPrefix}-${role}`}
            name="roles"
            value={role}
            defaultChecked={checked.includes(role)}
          />{" "}
          <label htmlFor={`${idPrefix}-${role}`}>{t(`role.${role}`)}</label>
        </li>
      ))}
    </ul>
  );
}

export default function Members() {
  const { t } = useTranslation();
  const { members, invitations, mayInvite, mayManageRoles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const roles = (list: string[]) => list.map((role) => t(`role.${role}`)).join(", ");
  const invite = result?.intent === "invite" ? result : undefined;
  const inviteErrors = invite && "fieldErrors" in invite ? invite.fieldErrors : undefined;
  const rolesResult = result?.intent === "roles" ? result : undefined;
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
                  <td>
                    {mayManageRoles ? (
                      <Form method="post" className="roles-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="roles" />
                        <input type="hidden" name="membershipId" value={member.id} />
                        <fieldset>
                          <legend>{t("members.edit.legend", { name: member.user.displayName })}</legend>
                          <RoleCheckboxes idPrefix={`member-${member.id}`} checked={member.roles} />
                        </fieldset>
                        <button type="submit">{t("members.edit.submit")}</button>
                        {rolesResult &&
                        "membershipId" in rolesResult &&
                        rolesResult.membershipId === member.id ? (
                          "problems" in rolesResult && rolesResult.problems ? (
                            <p role="alert" className="form-error">
                              {rolesResult.problems.map((problem) => t(problem)).join(" ")}
                            </p>
                          ) : (
                            <p role="status" className="form-status">
                              {t("members.edit.saved", { name: member.user.displayName })}
                            </p>
                          )
                        ) : null}
                      </Form>
                    ) : (
                      roles(member.roles)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayInvite ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t("members.invite.title")}</h2>
          <p>{t("members.invite.intro")}</p>
          {invite && "sent" in invite && invite.sent ? (
            <p role="status" className="form-status">
              {t("members.invite.sent", { email: invite.sent })}
            </p>
          ) : null}
          <Form method="post" noValidate className="narrow">
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <Field
              name="email"
              type="email"
              label="members.invite.email"
              autoComplete="off"
              required
              error={inviteErrors?.email}
            />
            <fieldset aria-describedby={inviteErrors?.roles ? "invite-roles-error" : undefined}>
              <legend>{t("members.invite.roles")}</legend>
              <RoleCheckboxes idPrefix="invite" checked={[]} />
              {inviteErrors?.roles ? (
                <p id="invite-roles-error" className="field__error">
                  {t(inviteErrors.roles)}
                </p>
              ) : null}
            </fieldset>
            <button type="submit" className="button-primary">
              {t("members.invite.submit")}
            </button>
          </Form>
        </section>
      ) : null}
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
                <td>{invitation.expiresOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
