import { MIN_PASSWORD_LENGTH } from "@mentoring/auth";
import { isAppError } from "@mentoring/domain";
import { acceptInvitation, viewInvitation } from "@mentoring/tenants";
import { type AppLoadContext, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { Shell } from "../components/shell";
import { notFound, publicRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { currentUser, startSession } from "../services/session.server";
import { tenantName } from "../services/tenant-display";

/**
 * An invitation link, /join/{tenant}/{token}: anyone holding it may open it (it is the secret), so the
 * page is public; what it lets them do depends on the invitation and on who is signed in.
 */
async function load(request: Request, context: AppLoadContext, params: { tenant?: string; token?: string }) {
  const user = await currentUser(request, context.services);
  const found = await viewInvitation(context.services.db, {
    slug: params.tenant ?? "",
    token: params.token ?? "",
    signedInUser: user,
  });
  if (!found) throw notFound();
  return { ...found, user };
}

/** Joins through the invitation: the new member's user id, or null when the link cannot be used. */
async function join(context: AppLoadContext, input: Parameters<typeof acceptInvitation>[1]) {
  try {
    return (await acceptInvitation(context.services.db, input)).userId;
  } catch (error) {
    if (isAppError(error, "member.invitation_unusable")) return null;
    throw error;
  }
}

export const loader = publicRoute(async ({ request, context, params }) => {
  const { tenant, view } = await load(request, context, params);
  return { tenantName: tenantName(tenant, await localeOf(request)), view };
});

const newAccountForm = z.object({
  displayName: z.string().trim().min(1, "form.required").max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH, "auth.reset.tooShort"),
});

export const action = publicRoute(async ({ request, context, params }) => {
  const { tenant, user, view } = await load(request, context, params);
  if (view.state === "ready" && user) {
    const joined = await join(context, {
      tenantId: tenant.id,
      token: params.token ?? "",
      signedInUser: user,
    });
    if (joined) throw redirect(`/${tenant.slug}`);
    return { formError: "invitation.invalid" };
  }
  if (view.state !== "new_account") return { formError: "invitation.invalid" };
  const parsed = newAccountForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors;
    return { fieldErrors: { displayName: errors.displayName?.[0], password: errors.password?.[0] } };
  }
  const userId = await join(context, {
    tenantId: tenant.id,
    token: params.token ?? "",
    signedInUser: null,
    newAccount: parsed.data,
  });
  if (!userId) return { formError: "invitation.invalid" };
  throw redirect(`/${tenant.slug}`, {
    headers: { "Set-Cookie": await startSession(context.services, userId) },
  });
});

export default function Join() {
  const { t } = useTranslation();
  const { tenantName: name, view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const fieldErrors = result && "fieldErrors" in result ? result.fieldErrors : undefined;
  const formError = result && "formError" in result ? result.formError : undefined;
  const roles = "roles" in view ? view.roles.map((role) => t(`role.${role}`)).join(", ") : "";
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("invitation.title", { tenant: name })}</h1>
        {view.state === "invalid" || formError ? (
          <p role="alert" className="form-error">
            {t("invitation.invalid")}
          </p>
        ) : (
          <>
            <p>{t("invitation.intro", { tenant: name, roles })}</p>
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
                <button type="submit" className="button-primary">
                  {t("invitation.join")}
                </button>
              </Form>
            ) : null}
            {view.state === "new_account" ? (
              <Form method="post" noValidate>
                <CsrfInput />
                <Field
                  name="email"
                  type="email"
                  label="auth.signIn.email"
                  value={view.email}
                  readOnly
                  autoComplete="username"
                />
                <Field
                  name="displayName"
                  label="invitation.name"
                  autoComplete="name"
                  required
                  error={fieldErrors?.displayName}
                />
                <Field
                  name="password"
                  type="password"
                  label="invitation.password"
                  hint="invitation.passwordHint"
                  autoComplete="new-password"
                  required
                  error={fieldErrors?.password}
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
