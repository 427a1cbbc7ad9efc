import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { requestPasswordReset } from "@mentoring/tenants";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { limitPasswordResetRequest } from "../services/rate-limits.server";
import { isRefusal } from "../services/refusal";
import { publicAction, publicLoader } from "../services/route-builder.server";

export const handle = pageTitle("auth.forgot.title");

const forgotForm = z.object({
  email: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .email("form.invalidEmail"),
});

export const loader = publicLoader({}, async () => null);

/**
 * Records the request and answers at once, the same way whether or not the address has an account (the
 * worker looks it up and mails the link). Limited per address and per e-mail address asked for.
 */
export const action = publicAction(
  { form: forgotForm, fieldName: (path, t) => (path === "email" ? t("auth.signIn.email") : null) },
  async ({ form, services, locale, clientAddress }) => {
    await limitPasswordResetRequest(services, { email: form.email, address: clientAddress });
    await requestPasswordReset(services.db, {
      email: form.email,
      locale,
      encryptionKey: services.config.DATA_ENCRYPTION_KEY,
    });
    return { sent: true as const };
  },
);

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof forgotForm>>({
    lastResult: isRefusal(result) ? result : undefined,
    constraint: getZodConstraint(forgotForm),
  });
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
            <FormErrors form={form} />
            <Form method="post" {...getFormProps(form)}>
              <CsrfInput />
              <InputField
                meta={fields.email}
                type="email"
                label={t("auth.signIn.email")}
                autoComplete="email"
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
