import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { analystForm, createAnalyst, disableAnalyst, listAnalysts } from "@mentoring/tenants";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { platformNav } from "../components/platform-nav";
import { Shell } from "../components/shell";
import { formatDateTime } from "../services/format.server";
import { isRefusal } from "../services/refusal";
import { platformAction, platformLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("insights.analysts.title");

/**
 * The operator's national insights analysts (platform.analysts.manage): who they are, a form that creates
 * one (mailed a link to set a password) and a button that disables one (signed out everywhere). Each change
 * is in the platform's audit log.
 */
export const loader = platformLoader(
  { permission: "platform.analysts.manage" },
  async ({ user, services, locale }) => ({
    userName: user.displayName,
    analysts: (await listAnalysts(services.db)).map((analyst) => ({
      ...analyst,
      createdAt: formatDateTime(analyst.createdAt, locale, "Asia/Seoul", { dateStyle: "medium" }),
    })),
    constraint: getZodConstraint(analystForm),
  }),
);

const analystsForm = z.discriminatedUnion("intent", [
  analystForm.extend({ intent: z.literal("create") }),
  z.object({ intent: z.literal("disable"), analystId: id }),
]);

const fieldLabels = {
  name: "insights.analysts.name",
  email: "insights.analysts.email",
  agency: "insights.analysts.agency",
} as const;

export const action = platformAction(
  {
    permission: "platform.analysts.manage",
    form: analystsForm,
    fieldName: (path, t) => (path in fieldLabels ? t(fieldLabels[path as keyof typeof fieldLabels]) : null),
  },
  async ({ form, user, locale, services, requestId }) => {
    if (form.intent === "create") {
      const { intent: _, ...analyst } = form;
      const created = await createAnalyst(services.db, {
        form: analyst,
        operatorId: user.id,
        locale,
        appUrl: services.config.APP_URL,
        requestId,
      });
      return { outcome: "created" as const, email: created.email };
    }
    const disabled = await disableAnalyst(services.db, {
      analystId: form.analystId,
      operatorId: user.id,
      requestId,
    });
    return { outcome: "disabled" as const, email: disabled.email };
  },
);

export default function Analysts() {
  const { t } = useTranslation();
  const { analysts, userName, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Once an analyst is created the form starts empty again: a new id is a new form to conform.
  const created = result && "outcome" in result && result.outcome === "created" ? result.email : null;
  const [form, fields] = useForm<{ name: string; email: string; agency: string }>({
    id: created ? `analyst-${created}` : "analyst",
    lastResult: isRefusal(result) && result.initialValue?.intent === "create" ? result : undefined,
    constraint,
  });
  const disableRefusal = isRefusal(result) && result.initialValue?.intent !== "create" ? result : undefined;
  return (
    <Shell title={t("app.name")} homeTo="/platform" nav={platformNav} userName={userName}>
      <h1>{t("insights.analysts.title")}</h1>
      <p>{t("insights.analysts.intro")}</p>
      {result && "outcome" in result ? (
        <p role="status" className="form-status">
          {t(`insights.analysts.${result.outcome}`, { email: result.email })}
        </p>
      ) : null}
      {disableRefusal?.error?.[""]?.[0] ? (
        <p role="alert" className="form-error">
          {disableRefusal.error[""][0]}
        </p>
      ) : null}
      <h2>{t("insights.analysts.listHeading")}</h2>
      <DataTable
        caption={t("insights.analysts.listHeading")}
        captionHidden
        rows={analysts}
        rowKey={(analyst) => analyst.id}
        rowProps={(analyst) => ({ "data-testid": `analyst-${analyst.email}` })}
        empty={t("insights.analysts.none")}
        columns={[
          { key: "name", header: t("insights.analysts.name"), cell: (analyst) => analyst.name },
          { key: "email", header: t("insights.analysts.email"), cell: (analyst) => analyst.email },
          { key: "agency", header: t("insights.analysts.agency"), cell: (analyst) => analyst.agency ?? "" },
          {
            key: "createdAt",
            header: t("insights.analysts.createdOn"),
            cell: (analyst) => analyst.createdAt,
          },
          {
            key: "status",
            header: t("insights.analysts.status"),
            cell: (analyst) => t(`insights.analysts.statuses.${analyst.status}`),
          },
          {
            key: "actions",
            header: t("insights.analysts.actions"),
            cell: (analyst) =>
              analyst.status === "disabled" ? null : (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="disable" />
                  <input type="hidden" name="analystId" value={analyst.id} />
                  <button type="submit">{t("insights.analysts.disable", { name: analyst.name })}</button>
                </Form>
              ),
          },
        ]}
      />
      <h2>{t("insights.analysts.formHeading")}</h2>
      <Form key={form.id} method="post" className="narrow" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <FormErrors form={form} />
        <InputField meta={fields.name} label={t("insights.analysts.name")} autoComplete="off" />
        <InputField
          meta={fields.email}
          type="email"
          label={t("insights.analysts.email")}
          autoComplete="off"
        />
        <InputField
          meta={fields.agency}
          label={t("insights.analysts.agency")}
          hint={t("insights.analysts.agencyHint")}
          autoComplete="off"
        />
        <button type="submit" className="button-primary">
          {t("insights.analysts.create")}
        </button>
      </Form>
    </Shell>
  );
}
