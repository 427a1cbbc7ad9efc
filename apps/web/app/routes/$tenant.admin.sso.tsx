import { isAppError } from "@mentoring/domain";
import { getSsoSettings, type MatchBy, saveSsoSettings, ssoSettingsForm } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { Field } from "../components/field";
import { tenantRoute } from "../services/guard.server";
import { forgetSsoClients, redirectUriFor, ssoProviderCheck } from "../services/sso.server";

/** The tenant's single sign-on: its identity provider, how people are matched, and whether it is on. */
export const loader = tenantRoute("tenant.settings.manage", async ({ context, tenant }) => {
  const { services } = context;
  return {
    settings: await services.db.withTenant(tenant.id, (tx) => getSsoSettings(tx, { tenantId: tenant.id })),
    redirectUri: redirectUriFor(services.config.APP_URL, tenant.slug),
  };
});

type FieldName = "issuer" | "clientId" | "clientSecret" | "matchBy" | "employeeNumberClaim";

export const action = tenantRoute("tenant.settings.manage", async ({ request, context, tenant, user }) => {
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = ssoSettingsForm.safeParse({
    issuer: text("issuer") ?? "",
    clientId: text("clientId") ?? "",
    clientSecret: text("clientSecret"),
    matchBy: text("matchBy"),
    employeeNumberClaim: text("employeeNumberClaim") ?? "",
    enabled: form.get("enabled") === "on",
  });
  if (!parsed.success) {
    const errors = parsed.error.flatten().fieldErrors;
    const fieldErrors: Partial<Record<FieldName, string>> = {};
    for (const name of ["issuer", "clientId", "clientSecret", "matchBy", "employeeNumberClaim"] as const)
      if (errors[name]?.[0]) fieldErrors[name] = errors[name][0];
    return { fieldErrors, formError: "form.errorSummary" };
  }
  const { services, requestId } = context;
  try {
    await saveSsoSettings(services.db, {
      tenantId: tenant.id,
      actorUserId: user.id,
      form: parsed.data,
      requestId,
      encryptionKey: services.config.DATA_ENCRYPTION_KEY,
      checkProvider: ssoProviderCheck(services, { tenantId: tenant.id, requestId }),
    });
  } catch (error) {
    if (isAppError(error, "sso.secret_required"))
      return {
        fieldErrors: { clientSecret: error.messageKey } as Partial<Record<FieldName, string>>,
        formError: "form.errorSummary",
      };
    if (isAppError(error, "sso.discovery_failed"))
      return { fieldErrors: {} as Partial<Record<FieldName, string>>, formError: error.messageKey };
    throw error;
  }
  forgetSsoClients();
  return { saved: true as const };
});

export default function SsoSettings() {
  const { t } = useTranslation();
  const { settings, redirectUri } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [matchBy, setMatchBy] = useState<MatchBy>(settings?.matchBy ?? "email");
  const errors: Partial<Record<FieldName, string>> =
    (result && "fieldErrors" in result ? result.fieldErrors : undefined) ?? {};
  return (
    <>
      <h1>{t("sso.admin.title")}</h1>
      <p>{t("sso.admin.intro")}</p>
      <dl className="facts">
        <dt>{t("sso.admin.redirectUri")}</dt>
        <dd>
          <code>{redirectUri}</code>
          <p className="field__hint">{t("sso.admin.redirectUriHint")}</p>
        </dd>
      </dl>
      {result && "saved" in result ? (
        <p role="status" className="form-status">
          {t("sso.admin.saved")}
        </p>
      ) : null}
      {result && "formError" in result && result.formError ? (
        <p role="alert" className="form-error">
          {t(result.formError)}
        </p>
      ) : null}
      <Form method="post" noValidate className="narrow">
        <CsrfInput />
        <Field
          name="issuer"
          type="url"
          label="sso.admin.issuer"
          hint="sso.admin.issuerHint"
          autoComplete="off"
          required
          defaultValue={settings?.issuer}
          error={errors.issuer}
        />
        <Field
          name="clientId"
          label="sso.admin.clientId"
          autoComplete="off"
          required
          defaultValue={settings?.clientId}
          error={errors.clientId}
        />
        <Field
          name="clientSecret"
          type="password"
          label="sso.admin.clientSecret"
          hint={settings?.hasSecret ? "sso.admin.clientSecretHintStored" : "sso.admin.clientSecretHintNew"}
          autoComplete="new-password"
          required={!settings?.hasSecret}
          error={errors.clientSecret}
        />
        <fieldset aria-describedby={errors.matchBy ? "matchBy-error" : undefined}>
          <legend>{t("sso.admin.matchBy")}</legend>
          <ul className="checkbox-list">
            {(
              [
                ["email", "sso.admin.matchByEmail"],
                ["employee_number", "sso.admin.matchByEmployeeNumber"],
              ] as const
            ).map(([value, label]) => (
              <li key={value}>
                <input
                  type="radio"
                  id={`matchBy-${value}`}
                  name="matchBy"
                  value={value}
                  checked={matchBy === value}
                  onChange={() => setMatchBy(value)}
                />{" "}
                <label htmlFor={`matchBy-${value}`}>{t(label)}</label>
              </li>
            ))}
          </ul>
          {errors.matchBy ? (
            <p id="matchBy-error" className="field__error">
              {t(errors.matchBy)}
            </p>
          ) : null}
        </fieldset>
        <Field
          name="employeeNumberClaim"
          label="sso.admin.employeeNumberClaim"
          hint="sso.admin.employeeNumberClaimHint"
          autoComplete="off"
          required={matchBy === "employee_number"}
          defaultValue={settings?.employeeNumberClaim ?? "employee_number"}
          error={errors.employeeNumberClaim}
        />
        <p>
          <input type="checkbox" id="enabled" name="enabled" defaultChecked={settings?.enabled ?? false} />{" "}
          <label htmlFor="enabled">{t("sso.admin.enabled")}</label>
        </p>
        <button type="submit" className="button-primary" disabled={submitting}>
          {t("sso.admin.save")}
        </button>
      </Form>
    </>
  );
}
