import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { Shell } from "../components/shell";
import { publicRoute } from "../services/guard.server";
import { localeOf } from "../services/i18n.server";
import { requestPasswordReset } from "../services/password-reset.server";

const forgotForm = z.object({ email: z.string().trim().min(1, "form.required").email("form.invalidEmail") });

export const loader = publicRoute(async () => null);

export const action = publicRoute(async ({ request, context }) => {
  const parsed = forgotForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "form.invalidEmail" };
  await requestPasswordReset(context.services, parsed.data.email, await localeOf(request));
  return { sent: true };
});

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("auth.forgot.title")}</h1>
        {result && "sent" in result ? (
          <p role="status" className="form-status">
            {t("auth.forgot.sent")}
          </p>
        ) : (
          <>
            <p>{t("auth.forgot.intro")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <Field
                name="email"
                type="email"
                label="auth.signIn.email"
                autoComplete="email"
                required
                error={result && "error" in result ? result.error : undefined}
              />
              <button type="submit" className="button-primary">
                {t("auth.forgot.submit")}
              </button>
            </Form>
          </>
        )}
        <p>
          <Link to="/sign-in">{t("auth.forgot.backToSignIn")}</Link>
        </p>
      </div>
    </Shell>
  );
}
