import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError } from "@mentoring/domain";
import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { localeCookie } from "../services/i18n.server";
import { isRefusal } from "../services/refusal";
import { publicAction, publicLoader } from "../services/route-builder.server";
import { safeRedirect } from "../services/safe-redirect";
import { currentUser, startSession } from "../services/session.server";
import { signIn } from "../services/sign-in.server";
import { ssoEnabledFor } from "../services/sso.server";

export const handle = pageTitle("auth.signIn.title");

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const signInQuery = z.object({
  /** Where to go once signed in (a path on this site; checked again when used). */
  redirectTo: z.string().optional().catch(undefined),
  /** "done" after a password reset. */
  reset: z.string().optional().catch(undefined),
});

const signInForm = z.object({
  email: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .email("form.invalidEmail"),
  password: z.string({ required_error: "form.required" }).min(1, "form.required"),
  redirectTo: z.string().optional(),
});

export const loader = publicLoader({ query: signInQuery }, async ({ request, query, services }) => {
  if (await currentUser(request, services)) throw redirect("/");
  // Coming from an organisation's page: offer its single sign-on when it has one.
  const slug = /^\/([a-z0-9-]+)(\/|$)/.exec(query.redirectTo ?? "")?.[1];
  return {
    ssoSlug: slug && (await ssoEnabledFor(services, slug)) ? slug : null,
    redirectTo: query.redirectTo ?? "/",
    resetDone: query.reset === "done",
  };
});

export const action = publicAction(
  {
    form: signInForm,
    fieldName: (path, t) =>
      path === "email" ? t("auth.signIn.email") : path === "password" ? t("auth.signIn.password") : null,
    hideFields: ["password"],
  },
  async ({ form, services, clientAddress, locale }) => {
    const result = await signIn(services, {
      email: form.email,
      password: form.password,
      address: clientAddress,
      locale,
    });
    if (!result.ok) {
      throw result.reason === "throttled"
        ? new AppError(
            "auth.throttled",
            { minutes: result.wait.minutes },
            { retryAfterSeconds: result.wait.seconds },
          )
        : new AppError("auth.invalid_credentials");
    }
    const headers = new Headers({ "Set-Cookie": await startSession(services, result.userId) });
    // The user's saved language wins from now on.
    if (result.locale) headers.append("Set-Cookie", await localeCookie.serialize(result.locale));
    throw redirect(safeRedirect(form.redirectTo), { headers });
  },
);

export default function SignIn() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const { ssoSlug, redirectTo, resetDone } = useLoaderData<typeof loader>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm<z.input<typeof signInForm>>({
    lastResult: isRefusal(result) ? result : undefined,
    constraint: getZodConstraint(signInForm),
  });
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("auth.signIn.title")}</h1>
        {resetDone ? (
          <p role="status" className="form-status">
            {t("auth.reset.done")}
          </p>
        ) : null}
        <FormErrors form={form} />
        <Form method="post" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <InputField
            meta={fields.email}
            type="email"
            label={t("auth.signIn.email")}
            autoComplete="username"
          />
          <InputField
            meta={fields.password}
            type="password"
            label={t("auth.signIn.password")}
            autoComplete="current-password"
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
