import { MIN_PASSWORD_LENGTH } from "@mentoring/auth";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { Shell } from "../components/shell";
import { publicRoute } from "../services/guard.server";
import { resetLinkIsValid, resetPassword } from "../services/password-reset.server";

const resetForm = z
  .object({
    password: z.string().min(MIN_PASSWORD_LENGTH, "auth.reset.tooShort"),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, { message: "auth.reset.mismatch", path: ["confirm"] });

export const loader = publicRoute(async ({ params, context }) => ({
  valid: await resetLinkIsValid(context.services, params.token ?? ""),
}));

export const action = publicRoute(async ({ request, params, context }) => {
  const parsed = resetForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors;
    return { fieldErrors: { password: errors.password?.[0], confirm: errors.confirm?.[0] } };
  }
  if (!(await resetPassword(context.services, params.token ?? "", parsed.data.password))) {
    return { formError: "auth.reset.invalidLink" };
  }
  throw redirect("/sign-in?reset=done");
});

export default function ResetPassword() {
  const { t } = useTranslation();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldErrors = result && "fieldErrors" in result ? result.fieldErrors : undefined;
  const formError = result && "formError" in result ? result.formError : undefined;
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("auth.reset.title")}</h1>
        {!valid || formError ? (
          <>
            <p role="alert" className="form-error">
              {t("auth.reset.invalidLink")}
            </p>
            <p>
              <Link to="/password/forgot">{t("auth.forgot.title")}</Link>
            </p>
          </>
        ) : (
          <Form method="post" noValidate>
            <CsrfInput />
            <Field
              name="password"
              type="password"
              label="auth.reset.password"
              hint="auth.reset.hint"
              autoComplete="new-password"
              required
              error={fieldErrors?.password}
            />
            <Field
              name="confirm"
              type="password"
              label="auth.reset.confirm"
              autoComplete="new-password"
              required
              error={fieldErrors?.confirm}
            />
            <button type="submit" className="button-primary">
              {t("auth.reset.submit")}
            </button>
          </Form>
        )}
      </div>
    </Shell>
  );
}
