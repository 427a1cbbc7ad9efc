import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type TenantRole, tenantRoles } from "@mentoring/domain";
import { messageKey } from "@mentoring/i18n";
import { changeMemberRoles, inviteMember, listMembers } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentMembers } from "../presenters/members.server";
import { forbidden } from "../services/guard.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("members.title");

/** Who can sign in to this organisation, with which roles, and who has been invited. */
export const loader = tenantLoader(
  { permission: "members.view" },
  async ({ tenant, locale, may, withTenant }) => {
    const lists = await withTenant((db) => listMembers(db, { tenantId: tenant.id }));
    return {
      ...presentMembers(lists, locale, tenant.timeZone),
      mayInvite: may("members.invite"),
      mayManageRoles: may("members.roles.manage"),
    };
  },
);

const rolesField = z.array(z.enum(tenantRoles));
const inviteForm = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .email("form.invalidEmail"),
  roles: rolesField.min(1, "members.invite.noRoles"),
});
const rolesForm = z.object({ intent: z.literal("roles"), membershipId: id, roles: rolesField });
const membersForm = z.discriminatedUnion("intent", [inviteForm, rolesForm]);

/** Inviting someone (members.invite), and changing a member's roles (members.roles.manage besides). */
export const action = tenantAction(
  {
    permission: "members.invite",
    form: membersForm,
    fieldName: (path, t) =>
      path === "email" ? t("members.invite.email") : path === "roles" ? t("members.invite.roles") : null,
    // A refused role change is shown in its member's row, with every problem it has.
    whichForm: (sent) => (sent.intent === "roles" ? { membershipId: sent.membershipId } : {}),
    onRefusal: (error, { form, t }) =>
      form.intent === "roles"
        ? {
            problems: error.details.fields?.map((field) => t(messageKey(field.message), field.params)) ?? [
              t(messageKey(error.messageKey), error.params),
            ],
          }
        : {},
  },
  async ({ form, tenant, user, locale, may, services, requestId, withTenant }) => {
    if (form.intent === "invite") {
      await withTenant((db) =>
        inviteMember(db, {
          tenant,
          actorUserId: user.id,
          email: form.email,
          roles: form.roles,
          locale,
          appUrl: services.config.APP_URL,
          requestId,
        }),
      );
      return { sent: form.email };
    }
    if (!may("members.roles.manage")) throw forbidden();
    const { name } = await changeMemberRoles(services.db, {
      tenantId: tenant.id,
      actorUserId: user.id,
      membershipId: form.membershipId,
      roles: form.roles,
      requestId,
    });
    return { membershipId: form.membershipId, saved: name };
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
  const roles = (list: TenantRole[]) => list.map((role) => t(`role.${role}`)).join(", ");
  const inviteRefusal = isRefusal(result) && result.initialValue?.intent === "invite" ? result : undefined;
  const [form, fields] = useForm<z.input<typeof inviteForm>>({
    lastResult: inviteRefusal,
    constraint: getZodConstraint(inviteForm),
  });
  const sent = result && "sent" in result ? result.sent : undefined;
  const rolesError = fields.roles.errors?.[0];
  return (
    <>
      <h1>{t("members.title")}</h1>
      <DataTable
        caption={t("members.title")}
        captionHidden
        rows={members}
        rowKey={(member) => member.id}
        empty={t("members.none")}
        columns={[
          { key: "name", header: t("members.name"), cell: (member) => member.user.displayName },
          { key: "email", header: t("members.email"), cell: (member) => member.user.email },
          {
            key: "roles",
            header: t("members.roles"),
            cell: (member) => {
              const rowResult = result && "membershipId" in result && result.membershipId === member.id;
              return mayManageRoles ? (
                <Form method="post" className="roles-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="roles" />
                  <input type="hidden" name="membershipId" value={member.id} />
                  <fieldset>
                    <legend>{t("members.edit.legend", { name: member.user.displayName })}</legend>
                    <RoleCheckboxes idPrefix={`member-${member.id}`} checked={member.roles} />
                  </fieldset>
                  <button type="submit">{t("members.edit.submit")}</button>
                  {rowResult && isRefusal(result) ? (
                    <p role="alert" className="form-error">
                      {(result.problems ?? result.error?.[""] ?? []).join(" ")}
                    </p>
                  ) : rowResult ? (
                    <p role="status" className="form-status">
                      {t("members.edit.saved", { name: member.user.displayName })}
                    </p>
                  ) : null}
                </Form>
              ) : (
                roles(member.roles)
              );
            },
          },
        ]}
      />
      {mayInvite ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t("members.invite.title")}</h2>
          <p>{t("members.invite.intro")}</p>
          {sent ? (
            <p role="status" className="form-status">
              {t("members.invite.sent", { email: sent })}
            </p>
          ) : null}
          <Form method="post" className="narrow" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <InputField
              meta={fields.email}
              type="email"
              label={t("members.invite.email")}
              autoComplete="off"
            />
            <fieldset aria-describedby={rolesError ? fields.roles.errorId : undefined}>
              <legend>{t("members.invite.roles")}</legend>
              <RoleCheckboxes idPrefix="invite" checked={[]} />
              {rolesError ? (
                <p id={fields.roles.errorId} className="field__error">
                  {rolesError}
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
      <DataTable
        caption={t("members.invitations")}
        captionHidden
        rows={invitations}
        rowKey={(invitation) => invitation.id}
        empty={t("members.invitationsNone")}
        columns={[
          { key: "email", header: t("members.email"), cell: (invitation) => invitation.email },
          { key: "roles", header: t("members.invitedRoles"), cell: (invitation) => roles(invitation.roles) },
          { key: "expiresAt", header: t("members.expiresAt"), cell: (invitation) => invitation.expiresOn },
        ]}
      />
    </>
  );
}
