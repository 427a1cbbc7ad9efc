import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type RetentionKind, retentionKinds, retentionPeriodsSchema } from "@mentoring/domain";
import { getRetentionPeriods, updateRetentionPeriods } from "@mentoring/tenants";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentRetentionPeriods } from "../presenters/retention.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("retention.page.title");

/**
 * The organisation's retention periods (개인정보 보존기간): months per kind of personal data, within the
 * bounds the law and the consent allow. Saved and audited; the next purge and the privacy policy use them.
 */
export const loader = tenantLoader(
  { permission: "tenant.settings.manage" },
  async ({ tenant, t, withTenant }) => ({
    periods: presentRetentionPeriods(
      await withTenant((db) => getRetentionPeriods(db, { tenantId: tenant.id })),
      t,
    ),
    policy: `/${tenant.slug}/privacy`,
    constraint: getZodConstraint(retentionPeriodsSchema),
  }),
);

const isKind = (path: string): path is RetentionKind => (retentionKinds as readonly string[]).includes(path);

export const action = tenantAction(
  {
    permission: "tenant.settings.manage",
    form: retentionPeriodsSchema,
    fieldName: (path, t) =>
      isKind(path) ? t("retention.field", { kind: t(`retention.kind.${path}`) }) : null,
  },
  async ({ form, tenant, user, requestId, withTenant }) => {
    await withTenant((db) =>
      updateRetentionPeriods(db, { tenantId: tenant.id, actorUserId: user.id, periods: form, requestId }),
    );
    return { saved: true as const };
  },
);

export default function RetentionSettings() {
  const { t } = useTranslation();
  const { periods, policy, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saved = Boolean(result && "saved" in result);
  // Once saved, the form's last result is a success: a refusal's messages from before must not stay beside
  // the saved values. One object per reply, so that the form takes it once.
  const lastResult = useMemo(
    () => (isRefusal(result) ? result : saved ? { status: "success" as const } : undefined),
    [result, saved],
  );
  const [form, fields] = useForm<Record<RetentionKind, number>>({
    id: "retention",
    lastResult,
    defaultValue: Object.fromEntries(periods.map((period) => [period.kind, String(period.months)])),
    constraint,
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <h1>{t("retention.page.title")}</h1>
      <p>{t("retention.page.intro")}</p>
      {saved ? <FormAnswer answer={result}>{t("retention.page.saved")}</FormAnswer> : null}
      <h2>{t("retention.page.editHeading")}</h2>
      <p>{t("retention.page.editIntro")}</p>
      <Form method="post" className="narrow" {...getFormProps(form)}>
        <CsrfInput />
        <FormErrors form={form} />
        {periods.map((period) => (
          <InputField
            key={period.kind}
            meta={fields[period.kind]}
            type="number"
            inputMode="numeric"
            label={t("retention.field", { kind: period.name })}
            hint={`${period.detail} · ${period.start} · ${period.action} · ${period.bounds}`}
          />
        ))}
        <button type="submit" className="button-primary">
          {t("retention.page.save")}
        </button>
      </Form>
      <p>
        <Link to={policy}>{t("retention.page.policyLink")}</Link>
      </p>
    </>
  );
}
