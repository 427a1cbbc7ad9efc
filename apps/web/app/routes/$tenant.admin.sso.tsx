import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import type { MessageKey } from "@mentoring/i18n";
import { getSsoSettings, type MatchBy, saveSsoSettings, ssoSettingsForm } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { FormAnswer } from "../components/form-answer";
import { CheckboxField, FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { forgetSsoClients, redirectUriFor, ssoProviderCheck } from "../services/sso.server";

export const handle = pageTitle("sso.admin.title");

/** The tenant's single sign-on: its identity provider, how people are matched, and whether it is on. */
export const loader = tenantLoader(
  { permission: "tenant.settings.manage" },
  async ({ tenant, services, withTenant }) => ({
    settings: await withTenant((db) => getSsoSettings(db, { tenantId: tenant.id })),
    redirectUri: redirectUriFor(services.config.APP_URL, tenant.slug),
    // The schema lives with its use case, out of the browser's reach: its constraints come with the page.
    constraint: getZodConstraint(ssoSettingsForm),
  }),
);

const fieldLabels: Record<string, MessageKey> = {
  issuer: "sso.admin.issuer",
  clientId: "sso.admin.clientId",
  clientSecret: "sso.admin.clientSecret",
  matchBy: "sso.admin.matchBy",
  employeeNumberClaim: "sso.admin.employeeNumberClaim",
};

export const action = tenantAction(
  {
    permission: "tenant.settings.manage",
    form: ssoSettingsForm,
    fieldName: (path, t) => (fieldLabels[path] ? t(fieldLabels[path]) : null),
    // The secret is never sent back to the page.
    hideFields: ["clientSecret"],
  },
  async ({ form, tenant, user, requestId, services }) => {
    await saveSsoSettings(services.db, {
      tenantId: tenant.id,
      actorUserId: user.id,
      form,
      requestId,
      encryptionKey: services.config.DATA_ENCRYPTION_KEY,
      checkProvider: ssoProviderCheck(services, { tenantId: tenant.id, requestId }),
    });
    forgetSsoClients();
    return { saved: true as const };
  },
);

export default function SsoSettings() {
  const { t } = useTranslation();
  const { settings, redirectUri, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [matchBy, setMatchBy] = useState<MatchBy>(settings?.matchBy ?? "email");
  const [form, fields] = useForm<{
    issuer: string;
    clientId: string;
    clientSecret: string;
    matchBy: MatchBy;
    employeeNumberClaim: string;
    enabled: boolean;
  }>({
    lastResult: isRefusal(result) ? result : undefined,
    defaultValue: {
      issuer: settings?.issuer ?? "",
      clientId: settings?.clientId ?? "",
      employeeNumberClaim: settings?.employeeNumberClaim ?? "employee_number",
      enabled: settings?.enabled ?? false,
    },
    constraint,
  });
  // Fields in error are named beside each field; the alert only says to check them.
  const fieldsInError = Object.keys(form.allErrors).some((name) => name !== "");
  const matchByError = fields.matchBy.errors?.[0];
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
      {result && "saved" in result ? <FormAnswer answer={result}>{t("sso.admin.saved")}</FormAnswer> : null}
      {fieldsInError ? (
        <p role="alert" className="form-error">
          {t("form.errorSummary")}
        </p>
      ) : (
        <FormErrors form={form} />
      )}
      <Form method="post" className="narrow" {...getFormProps(form)}>
        <CsrfInput />
        <InputField
          meta={fields.issuer}
          type="url"
          label={t("sso.admin.issuer")}
          hint={t("sso.admin.issuerHint")}
          autoComplete="off"
        />
        <InputField meta={fields.clientId} label={t("sso.admin.clientId")} autoComplete="off" />
        <InputField
          meta={fields.clientSecret}
          type="password"
          label={t("sso.admin.clientSecret")}
          hint={t(settings?.hasSecret ? "sso.admin.clientSecretHintStored" : "sso.admin.clientSecretHintNew")}
          autoComplete="new-password"
          required={!settings?.hasSecret}
        />
        <fieldset aria-describedby={matchByError ? fields.matchBy.errorId : undefined}>
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
                  name={fields.matchBy.name}
                  value={value}
                  checked={matchBy === value}
                  onChange={() => setMatchBy(value)}
                />{" "}
                <label htmlFor={`matchBy-${value}`}>{t(label)}</label>
              </li>
            ))}
          </ul>
          {matchByError ? (
            <p id={fields.matchBy.errorId} className="field__error">
              {matchByError}
            </p>
          ) : null}
        </fieldset>
        <InputField
          meta={fields.employeeNumberClaim}
          label={t("sso.admin.employeeNumberClaim")}
          hint={t("sso.admin.employeeNumberClaimHint")}
          autoComplete="off"
          required={matchBy === "employee_number"}
        />
        <CheckboxField meta={fields.enabled} label={t("sso.admin.enabled")} />
        <button type="submit" className="button-primary" disabled={submitting}>
          {t("sso.admin.save")}
        </button>
      </Form>
    </>
  );
}
