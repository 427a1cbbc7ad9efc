import { koreanRegions } from "@mentoring/domain";
import { applicationForm, submitApplication } from "@mentoring/tenants";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { SelectField } from "../components/select-field";
import { Shell } from "../components/shell";
import { publicRoute } from "../services/guard.server";

/** A public page where an organisation applies; the platform operator reviews it. */
export const loader = publicRoute(async () => null);

export const action = publicRoute(async ({ request, context }) => {
  const parsed = applicationForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return {
      fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message])),
    };
  }
  await submitApplication(context.services.db, parsed.data);
  return { received: parsed.data.contactEmail };
});

const kinds = ["basic_government", "metropolitan_government", "public_institution"] as const;

export default function SignUp() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> =
    result && "fieldErrors" in result ? result.fieldErrors : {};
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
            <Form method="post" noValidate>
              <CsrfInput />
              <Field
                name="organisationName"
                label="onboarding.signup.organisationName"
                required
                error={errors.organisationName}
              />
              <SelectField
                name="kind"
                label="onboarding.signup.kind"
                options={kinds.map((kind) => ({ value: kind, label: t(`tenantKind.${kind}`) }))}
                error={errors.kind}
              />
              <SelectField
                name="region"
                label="onboarding.signup.region"
                placeholder="onboarding.signup.regionPlaceholder"
                options={koreanRegions.map((region) => ({ value: region, label: t(`region.${region}`) }))}
                required
                error={errors.region}
              />
              <Field
                name="businessRegistrationNumber"
                label="onboarding.signup.businessRegistrationNumber"
                hint="onboarding.signup.businessRegistrationNumberHint"
                inputMode="numeric"
                error={errors.businessRegistrationNumber}
              />
              <Field
                name="contactName"
                label="onboarding.signup.contactName"
                autoComplete="name"
                required
                error={errors.contactName}
              />
              <Field
                name="contactEmail"
                type="email"
                label="onboarding.signup.contactEmail"
                autoComplete="email"
                required
                error={errors.contactEmail}
              />
              <Field
                name="contactPhone"
                type="tel"
                label="onboarding.signup.contactPhone"
                autoComplete="tel"
                error={errors.contactPhone}
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
