import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import type { MessageKey } from "@mentoring/i18n";
import { createCohort, getNewCohortDefaults, listTemplates, tenantToday } from "@mentoring/programs";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { FormErrors, InputField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { isRefusal, type Refusal } from "../services/refusal";
import { type FieldNamer, tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("programs.newCohort.title");

/**
 * A new cohort in two steps: choose the template (a plain GET form, so it works without script), then the
 * number, title and first day of recruitment; every other date follows from the template's phases.
 */
export const loader = tenantLoader(
  { permission: "programs.manage", query: z.object({ template: id.optional().catch(undefined) }) },
  async ({ query, tenant, withTenant }) => {
    const { templates, chosen } = await withTenant(async (db) => {
      const templates = await listTemplates(db, { tenantId: tenant.id });
      const template = templates.find((candidate) => candidate.id === query.template);
      const defaults = template
        ? await getNewCohortDefaults(db, { tenantId: tenant.id, templateId: template.id })
        : null;
      return {
        templates,
        chosen: template && defaults ? { ...defaults, version: template.currentVersion } : null,
      };
    });
    return {
      templates: templates.map((template) => ({ value: template.id, label: template.name })),
      chosen,
      base: `/${tenant.slug}/programs`,
    };
  },
);

/** Text as typed: createCohort reads and judges it (an empty number or title takes the template's). */
const cohortForm = z.object({
  templateId: z.string().optional(),
  number: z.string().optional(),
  title: z.string().optional(),
  recruitmentStart: z.string().optional(),
});

const cohortFieldNames: Record<string, MessageKey> = {
  templateId: "programs.field.template",
  number: "programs.field.number",
  title: "programs.field.cohortTitle",
  recruitmentStart: "programs.schedule.recruitmentStart",
};

const cohortFieldName: FieldNamer = (path, t) => {
  const key = cohortFieldNames[path];
  return key ? t(key) : null;
};

export const action = tenantAction(
  { permission: "programs.manage", form: cohortForm, fieldName: cohortFieldName },
  async ({ form, tenant, user, requestId, withTenant }) => {
    const { cohortId } = await withTenant((db) =>
      createCohort(db, {
        tenantId: tenant.id,
        form: {
          templateId: form.templateId ?? "",
          number: form.number,
          title: form.title,
          // An empty date is refused as not a date, like any other unreadable one.
          recruitmentStart: form.recruitmentStart ?? "",
        },
        actorUserId: user.id,
        requestId,
        today: tenantToday(tenant.timeZone),
      }),
    );
    throw redirect(`/${tenant.slug}/programs/cohorts/${cohortId}?created=1`);
  },
);

type Chosen = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["chosen"]>;

/** The cohort's number, title and recruitment start, for the chosen template. */
function CohortForm({ chosen, refusal }: { chosen: Chosen; refusal: Refusal | undefined }) {
  const { t } = useTranslation();
  const creating = useNavigation().state === "submitting";
  const [form, fields] = useForm<z.input<typeof cohortForm>>({
    id: "new-cohort",
    lastResult: refusal,
    constraint: getZodConstraint(cohortForm),
    defaultValue: { number: String(chosen.number), title: chosen.title },
  });
  // Refused fields carry their own messages; above them the page says that no cohort was made, in place of
  // the refusal's general "check what you entered".
  const invalid = Object.keys(refusal?.error ?? {}).some((name) => name !== "");
  return (
    <>
      {invalid ? (
        <p role="alert" className="form-error">
          {t("programs.newCohort.notCreated")}
        </p>
      ) : (
        <FormErrors form={form} />
      )}
      <Form method="post" className="narrow" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="templateId" value={chosen.templateId} />
        <InputField
          meta={fields.number}
          label={t("programs.field.number")}
          hint={t("programs.newCohort.numberHint")}
          inputMode="numeric"
        />
        <InputField
          meta={fields.title}
          label={t("programs.field.cohortTitle")}
          hint={t("programs.newCohort.titleHint")}
        />
        <InputField
          meta={fields.recruitmentStart}
          type="date"
          label={t("programs.schedule.recruitmentStart")}
          required
        />
        <button type="submit" className="button-primary" disabled={creating}>
          {t("programs.newCohort.submit")}
        </button>
      </Form>
    </>
  );
}

export default function NewCohort() {
  const { t } = useTranslation();
  const { templates, chosen, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("programs.newCohort.title")}</h1>
      {templates.length === 0 ? (
        <p>
          {t("programs.newCohort.noTemplates")}{" "}
          <Link to={base}>{t("programs.newCohort.backToPrograms")}</Link>
        </p>
      ) : (
        // Navigation, not a submission: the chosen template goes in the address, as the links to here put it.
        <Form method="get" className="narrow">
          <p>{t("programs.newCohort.chooseTemplate")}</p>
          <div className="field">
            <label htmlFor="template">{t("programs.field.template")}</label>
            <select id="template" name="template" defaultValue={chosen?.templateId ?? ""}>
              {templates.map((template) => (
                <option key={template.value} value={template.value}>
                  {template.label}
                </option>
              ))}
            </select>
          </div>
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
          {/* A form of its own per template, so that another template's number and title fill it anew. */}
          <CohortForm
            key={chosen.templateId}
            chosen={chosen}
            refusal={isRefusal(result) ? result : undefined}
          />
        </section>
      ) : null}
    </>
  );
}
