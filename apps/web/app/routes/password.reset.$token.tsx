import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { MIN_PASSWORD_LENGTH } from "@mentoring/domain";
import { checkResetLink, resetPassword } from "@mentoring/tenants";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { signInLimits } from "../services/rate-limits.server";
import { isRefusal } from "../services/refusal";
import { publicAction, publicLoader } from "../services/route-builder.server";

export const handle = pageTitle("auth.reset.title");

const tokenParams = z.object({ token: z.string().min(1) });

// An empty field is absent: an empty password is too short, an empty confirmation simply differs.
const resetForm = z
  .object({
    password: z
      .string({ required_error: "auth.reset.tooShort" })
      .min(MIN_PASSWORD_LENGTH, "auth.reset.tooShort"),
    confirm: z.string().default(""),
  })
  .refine((form) => form.password === form.confirm, { message: "auth.reset.mismatch", path: ["confirm"] });

export const loader = publicLoader({ params: tokenParams }, async ({ params, services }) => ({
  valid: await checkResetLink(services.db, { token: params.token }),
}));

export const action = publicAction(
  {
    params: tokenParams,
    form: resetForm,
    fieldName: (path, t) =>
      path === "password" ? t("auth.reset.password") : path === "confirm" ? t("auth.reset.confirm") : null,
    hideFields: ["password", "confirm"],
  },
  async ({ params, form, services, clientAddress }) => {
    const { email } = await resetPassword(services.db, { token: params.token, password: form.password });
    // The owner has proved who they are: whatever slowed their sign-in is lifted.
    await signInLimits.lift(services, { email, address: clientAddress });
    throw redirect("/sign-in?reset=done");
  },
);

export default function ResetPassword() {
  const { t } = useTranslation();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<{ password: string; confirm: string }>({
    lastResult: isRefusal(result) ? result : undefined,
    constraint: getZodConstraint(resetForm),
  });
  const linkRefused = isRefusal(result) && result.code === "auth.reset_link_invalid";
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("auth.reset.title")}</h1>
        {!valid || linkRefused ? (
          <>
            <p role="alert" className="form-error">
              {t("auth.reset.invalidLink")}
            </p>
            <p>
              <Link to="/password/forgot">{t("auth.forgot.title")}</Link>
            </p>
          </>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <CsrfInput />
            <InputField
              meta={fields.password}
              type="password"
              label={t("auth.reset.password")}
              hint={t("auth.reset.hint")}
              autoComplete="new-password"
            />
            <InputField
              meta={fields.confirm}
              type="password"
              label={t("auth.reset.confirm")}
              autoComplete="new-password"
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
