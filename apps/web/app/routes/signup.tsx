import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { koreanRegions } from "@mentoring/domain";
import { applicationForm, submitApplication } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { FormErrors, InputField, SelectField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { Shell } from "../components/shell";
import { limitSignup } from "../services/rate-limits.server";
import { isRefusal } from "../services/refusal";
import { publicAction, publicLoader } from "../services/route-builder.server";

export const handle = pageTitle("onboarding.signup.title");

/** A public page where an organisation applies; the platform operator reviews it. */
export const loader = publicLoader({}, async () => ({
  // The schema lives with its use case, out of the browser's reach: its constraints come with the page.
  constraint: getZodConstraint(applicationForm),
}));

const fieldLabels = {
  organisationName: "onboarding.signup.organisationName",
  kind: "onboarding.signup.kind",
  region: "onboarding.signup.region",
  businessRegistrationNumber: "onboarding.signup.businessRegistrationNumber",
  contactName: "onboarding.signup.contactName",
  contactEmail: "onboarding.signup.contactEmail",
  contactPhone: "onboarding.signup.contactPhone",
} as const;
type FieldName = keyof typeof fieldLabels;

export const action = publicAction(
  {
    form: applicationForm,
    fieldName: (path, t) => (path in fieldLabels ? t(fieldLabels[path as FieldName]) : null),
  },
  async ({ form, services, clientAddress }) => {
    // Before anything is stored: a script posting applications in a loop is refused from the sixth.
    await limitSignup(services, { address: clientAddress });
    await submitApplication(services.db, form);
    return { received: form.contactEmail };
  },
);

const kinds = ["basic_government", "metropolitan_government", "public_institution"] as const;

export default function SignUp() {
  const { t } = useTranslation();
  const { constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<Record<FieldName, string>>({
    lastResult: isRefusal(result) ? result : undefined,
    constraint,
  });
  return (
    <Shell title={t("app.name")} homeTo="/">
      <div className="narrow">
        <h1>{t("onboarding.signup.title")}</h1>
        {result && "received" in result ? (
          <p role="status" className="form-status">
            {t("onboarding.signup.received", { email: result.received })}
          </p>
        ) : (
          <>
            <p>{t("onboarding.signup.intro")}</p>
            <FormErrors form={form} />
            <Form method="post" {...getFormProps(form)}>
              <CsrfInput />
              <InputField meta={fields.organisationName} label={t("onboarding.signup.organisationName")} />
              <SelectField
                meta={fields.kind}
                label={t("onboarding.signup.kind")}
                options={kinds.map((kind) => ({ value: kind, label: t(`tenantKind.${kind}`) }))}
              />
              <SelectField
                meta={fields.region}
                label={t("onboarding.signup.region")}
                placeholder={t("onboarding.signup.regionPlaceholder")}
                options={koreanRegions.map((region) => ({ value: region, label: t(`region.${region}`) }))}
              />
              <InputField
                meta={fields.businessRegistrationNumber}
                label={t("onboarding.signup.businessRegistrationNumber")}
                hint={t("onboarding.signup.businessRegistrationNumberHint")}
                inputMode="numeric"
              />
              <InputField
                meta={fields.contactName}
                label={t("onboarding.signup.contactName")}
                autoComplete="name"
              />
              <InputField
                meta={fields.contactEmail}
                type="email"
                label={t("onboarding.signup.contactEmail")}
                autoComplete="email"
              />
              <InputField
                meta={fields.contactPhone}
                type="tel"
                label={t("onboarding.signup.contactPhone")}
                autoComplete="tel"
              />
              <button type="submit" className="button-primary">
                {t("onboarding.signup.submit")}
              </button>
            </Form>
          </>
        )}
      </div>
    </Shell>
  );
}
