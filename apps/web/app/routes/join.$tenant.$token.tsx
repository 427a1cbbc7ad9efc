import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { isAppError, MIN_PASSWORD_LENGTH } from "@mentoring/domain";
import { acceptInvitation, viewInvitation } from "@mentoring/tenants";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { notFound } from "../services/guard.server";
import { isRefusal } from "../services/refusal";
import { type PageContext, publicAction, publicLoader } from "../services/route-builder.server";
import { currentUser, startSession } from "../services/session.server";
import { ssoEnabledFor } from "../services/sso.server";
import { tenantName } from "../services/tenant-display";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("invitation.title", { tenant: data.tenantName }),
);

/**
 * An invitation link, /join/{tenant}/{token}: anyone holding it may open it (it is the secret), so the
 * page is public; what it lets them do depends on the invitation and on who is signed in.
 */
const invitationParams = z.object({ tenant: z.string(), token: z.string() });

async function load({ request, params, services }: PageContext<z.infer<typeof invitationParams>>) {
  const user = await currentUser(request, services);
  const found = await viewInvitation(services.db, {
    slug: params.tenant,
    token: params.token,
    signedInUser: user,
  });
  if (!found) throw notFound();
  return { ...found, user };
}

export const loader = publicLoader({ params: invitationParams }, async (context) => {
  const { tenant, view, nomination } = await load(context);
  // A nominee of a tenant that signs its people in through single sign-on may make their account there.
  const sso =
    nomination && (view.state === "new_account" || view.state === "sign_in_first")
      ? await ssoEnabledFor(context.services, tenant.slug)
      : false;
  const ssoStart = sso
    ? `/sso/${tenant.slug}/start?invitation=${encodeURIComponent(context.params.token)}`
    : null;
  return { tenantName: tenantName(tenant, context.locale), view, nomination, ssoStart };
});

const newAccountForm = z.object({
  intent: z.literal("new_account"),
  email: z.string().optional(),
  displayName: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(100),
  password: z
    .string({ required_error: "auth.reset.tooShort" })
    .min(MIN_PASSWORD_LENGTH, "auth.reset.tooShort"),
});
// Joining as the account already signed in has nothing to fill in.
const joinForm = z.discriminatedUnion("intent", [z.object({ intent: z.literal("join") }), newAccountForm]);

export const action = publicAction(
  {
    params: invitationParams,
    form: joinForm,
    fieldName: (path, t) =>
      path === "displayName" ? t("invitation.name") : path === "password" ? t("invitation.password") : null,
    hideFields: ["password"],
  },
  async (context) => {
    const { params, form, services } = context;
    const { tenant, user, view } = await load(context);
    const signedInUser = view.state === "ready" ? user : null;
    if (!signedInUser && (view.state !== "new_account" || form.intent !== "new_account"))
      return { invitationInvalid: true as const };
    try {
      const { userId, cohortId } = await acceptInvitation(services.db, {
        tenantId: tenant.id,
        token: params.token,
        signedInUser,
        ...(form.intent === "new_account" && !signedInUser
          ? { newAccount: { displayName: form.displayName, password: form.password } }
          : {}),
      });
      // A new account is signed in; a signed-in one already is. A nominee goes on to their nomination.
      const headers = signedInUser ? undefined : { "Set-Cookie": await startSession(services, userId) };
      throw redirect(cohortId ? `/${tenant.slug}/recruiting/${cohortId}` : `/${tenant.slug}`, { headers });
    } catch (error) {
      // A link used up or revoked meanwhile: the page says so, as it does on opening such a link.
      if (isAppError(error, "member.invitation_unusable")) return { invitationInvalid: true as const };
      throw error;
    }
  },
);

export default function Join() {
  const { t } = useTranslation();
  const { tenantName: name, view, nomination, ssoStart } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const [form, fields] = useForm<{ email: string; displayName: string; password: string }>({
    lastResult: isRefusal(result) ? result : undefined,
    defaultValue: { email: "email" in view ? view.email : "", displayName: nomination?.name ?? "" },
    constraint: getZodConstraint(newAccountForm),
  });
  const invalid = view.state === "invalid" || (result && "invitationInvalid" in result);
  const roles = "roles" in view ? view.roles.map((role) => t(`role.${role}`)).join(", ") : "";
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("invitation.title", { tenant: name })}</h1>
        {invalid ? (
          <p role="alert" className="form-error">
            {t("invitation.invalid")}
          </p>
        ) : (
          <>
            {nomination ? (
              <p>
                {t(
                  view.state === "ready"
                    ? "recruitment.nomination.invitation.introSignedIn"
                    : "recruitment.nomination.invitation.intro",
                  { name: nomination.name, tenant: name, cohort: nomination.cohortTitle },
                )}
              </p>
            ) : (
              <p>{t("invitation.intro", { tenant: name, roles })}</p>
            )}
            {ssoStart ? (
              <p>
                {/* Leaves the app for the provider: a full page load, not a client navigation. */}
                <Link to={ssoStart} reloadDocument className="button-primary">
                  {t("recruitment.nomination.invitation.sso")}
                </Link>
              </p>
            ) : null}
            {ssoStart && view.state === "new_account" ? (
              <p>{t("recruitment.nomination.invitation.orPassword")}</p>
            ) : null}
            {view.state === "sign_in_first" ? (
              <p>
                <Link to={`/sign-in?redirectTo=${encodeURIComponent(location.pathname)}`}>
                  {t("invitation.signInFirst")}
                </Link>
              </p>
            ) : null}
            {view.state === "wrong_account" ? (
              <p role="alert" className="form-error">
                {t("invitation.wrongAccount")}
              </p>
            ) : null}
            {view.state === "ready" ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="join" />
                <button type="submit" className="button-primary">
                  {t(nomination ? "recruitment.nomination.invitation.continue" : "invitation.join")}
                </button>
              </Form>
            ) : null}
            {view.state === "new_account" ? (
              <Form method="post" {...getFormProps(form)}>
                <CsrfInput />
                <input type="hidden" name="intent" value="new_account" />
                <InputField
                  meta={fields.email}
                  type="email"
                  label={t("auth.signIn.email")}
                  readOnly
                  autoComplete="username"
                />
                <InputField meta={fields.displayName} label={t("invitation.name")} autoComplete="name" />
                <InputField
                  meta={fields.password}
                  type="password"
                  label={t("invitation.password")}
                  hint={t("invitation.passwordHint")}
                  autoComplete="new-password"
                />
                <button type="submit" className="button-primary">
                  {t("invitation.submit")}
                </button>
              </Form>
            ) : null}
          </>
        )}
      </div>
    </Shell>
  );
}
