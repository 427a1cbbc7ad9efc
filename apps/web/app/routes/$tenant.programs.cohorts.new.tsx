import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../components/csrf-input";
import { SelectField } from "../components/select-field";
import type { FormIssue } from "../services/form-issues.server";
import { tenantRoute } from "../services/guard.server";
import { translatorFor } from "../services/i18n.server";
import { createCohortForm, newCohortPage } from "../services/programs.server";

/**
 * A new cohort in two steps: choose the template (a plain GET form, so it works without script), then the
 * number, title and first day of recruitment; every other date follows from the template's phases.
 */
export const loader = tenantRoute("programs.manage", async ({ request, context, tenant }) => {
  const templateId = new URL(request.url).searchParams.get("template");
  const page = await newCohortPage(context.services, tenant, templateId);
  return { ...page, base: `/${tenant.slug}/programs` };
});

export const action = tenantRoute("programs.manage", async ({ request, context, tenant, user }) => {
  const outcome = await createCohortForm(context.services, {
    tenant,
    actorUserId: user.id,
    requestId: context.requestId,
    form: Object.fromEntries(await request.formData()),
    t: await translatorFor(request),
  });
  if (outcome.ok) throw redirect(`/${tenant.slug}/programs/cohorts/${outcome.cohortId}?created=1`);
  return outcome;
});

function DateOrTextField({
  name,
  label,
  hint,
  issue,
  ...input
}: {
  name: string;
  label: string;
  hint?: string;
  issue?: FormIssue;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${name}-hint` : null, issue ? `${name}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        aria-invalid={issue ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {issue ? (
        <p id={`${name}-error`} className="field__error">
          {t(issue.key, issue.params)}
        </p>
      ) : null}
    </div>
  );
}

export default function NewCohort() {
  const { t } = useTranslation();
  const { templates, chosen, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const creating = useNavigation().state === "submitting";
  const issues = result && "issues" in result ? result.issues : {};
  const error = result && "error" in result ? result.error : null;
  return (
    <>
      <h1>{t("programs.newCohort.title")}</h1>
      {templates.length === 0 ? (
        <p>
          {t("programs.newCohort.noTemplates")}{" "}
          <Link to={base}>{t("programs.newCohort.backToPrograms")}</Link>
        </p>
      ) : (
        <Form method="get" className="narrow">
          <p>{t("programs.newCohort.chooseTemplate")}</p>
          <SelectField
            name="template"
            label="programs.field.template"
            defaultValue={chosen?.templateId ?? ""}
            options={templates.map((template) => ({ value: template.id, label: template.name }))}
          />
          <button type="submit">{t("programs.newCohort.next")}</button>
        </Form>
      )}

      {chosen ? (
        <section aria-labelledby="cohort-form-title">
          <h2 id="cohort-form-title">
            {t("programs.newCohort.templateValue", { name: chosen.templateName, version: chosen.version })}
          </h2>
          <p>{t("programs.newCohort.intro")}</p>
          <dl className="facts">
            <dt>{t("programs.newCohort.quotas")}</dt>
            <dd>{t("programs.newCohort.quotasValue", chosen.quotas)}</dd>
          </dl>
          {error ? (
            <p role="alert" className="form-error">
              {t(error.key, error.params)}
            </p>
          ) : null}
          {Object.keys(issues).length > 0 ? (
            <p role="alert" className="form-error">
              {t("programs.newCohort.notCreated")}
            </p>
          ) : null}
          <Form method="post" noValidate className="narrow">
            <CsrfInput />
            <input type="hidden" name="templateId" value={chosen.templateId} />
            <DateOrTextField
              name="number"
              label={t("programs.field.number")}
              hint={t("programs.newCohort.numberHint")}
              inputMode="numeric"
              defaultValue={chosen.number}
              issue={issues.number}
            />
            <DateOrTextField
              name="title"
              label={t("programs.field.cohortTitle")}
              hint={t("programs.newCohort.titleHint")}
              defaultValue={chosen.title}
              issue={issues.title}
            />
            <DateOrTextField
              name="recruitmentStart"
              label={t("programs.schedule.recruitmentStart")}
              type="date"
              required
              issue={issues.recruitmentStart}
            />
            <button type="submit" className="button-primary" disabled={creating}>
              {t("programs.newCohort.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
