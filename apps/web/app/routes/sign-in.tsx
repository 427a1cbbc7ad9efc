import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { Shell } from "../components/shell";
import { publicRoute } from "../services/guard.server";
import { localeCookie } from "../services/i18n.server";
import { currentUser, startSession } from "../services/session.server";
import { safeRedirect, signIn } from "../services/sign-in.server";
import { ssoEnabledFor } from "../services/sso.server";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const signInForm = z.object({
  email: z.string().trim().min(1, "form.required").email("form.invalidEmail"),
  password: z.string().min(1, "form.required"),
  redirectTo: z.string().optional(),
});

export const loader = publicRoute(async ({ request, context }) => {
  if (await currentUser(request, context.services)) throw redirect("/");
  // Coming from an organisation's page: offer its single sign-on when it has one.
  const slug = /^\/([a-z0-9-]+)(\/|$)/.exec(new URL(request.url).searchParams.get("redirectTo") ?? "")?.[1];
  return { ssoSlug: slug && (await ssoEnabledFor(context.services, slug)) ? slug : null };
});

export const action = publicRoute(async ({ request, context }) => {
  const parsed = signInForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors;
    return { fieldErrors: { email: errors.email?.[0], password: errors.password?.[0] } };
  }
  const { email, password, redirectTo } = parsed.data;
  const result = await signIn(context.services, email, password, context.clientAddress);
  if (!result.ok) {
    return result.reason === "throttled"
      ? { formError: "auth.signIn.throttled", minutes: result.retryAfterMinutes }
      : { formError: "auth.signIn.invalid" };
  }
  const headers = new Headers({ "Set-Cookie": await startSession(context.services, result.userId) });
  // The user's saved language wins from now on.
  if (result.locale) headers.append("Set-Cookie", await localeCookie.serialize(result.locale));
  throw redirect(safeRedirect(redirectTo), { headers });
});

export default function SignIn() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const { ssoSlug } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  const fieldErrors = result && "fieldErrors" in result ? result.fieldErrors : undefined;
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("auth.signIn.title")}</h1>
        {params.get("reset") === "done" ? (
          <p role="status" className="form-status">
            {t("auth.reset.done")}
          </p>
        ) : null}
        {result && "formError" in result && result.formError ? (
          <p role="alert" className="form-error">
            {t(result.formError, { minutes: "minutes" in result ? result.minutes : undefined })}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <Field
            name="email"
            type="email"
            label="auth.signIn.email"
            autoComplete="username"
            required
            error={fieldErrors?.email}
          />
          <Field
            name="password"
            type="password"
            label="auth.signIn.password"
            autoComplete="current-password"
            required
            error={fieldErrors?.password}
          />
          <button type="submit" className="button-primary" disabled={submitting}>
            {t("auth.signIn.submit")}
          </button>
        </Form>
        {ssoSlug ? (
          <p>
            <Link to={`/sso/${ssoSlug}/start`} reloadDocument className="button-secondary">
              {t("sso.signIn.link")}
            </Link>
          </p>
        ) : null}
        <p>
          <Link to="/password/forgot">{t("auth.signIn.forgot")}</Link>
        </p>
        <p>
          <Link to="/signup">{t("onboarding.signup.link")}</Link>
        </p>
      </div>
    </Shell>
  );
}
