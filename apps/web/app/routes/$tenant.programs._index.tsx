import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { builtinTemplateKeys, programKinds } from "@mentoring/domain";
import { copyBuiltinTemplate, createTemplate, listCohorts, listTemplates } from "@mentoring/programs";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { InputField, SelectField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { presentPrograms } from "../presenters/programs.server";
import { isRefusal } from "../services/refusal";
import { type FieldNamer, tenantAction, tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("programs.index.title");

/** The programs: built-in templates to copy or a blank one to start from, the tenant's templates, and its cohorts. */
export const loader = tenantLoader({ permission: "programs.view" }, async ({ tenant, may, withTenant }) => {
  const { templates, cohorts } = await withTenant(async (db) => ({
    templates: await listTemplates(db, { tenantId: tenant.id }),
    cohorts: await listCohorts(db, { tenantId: tenant.id }),
  }));
  return {
    ...presentPrograms(templates, cohorts),
    base: `/${tenant.slug}/programs`,
    mayManage: may("programs.manage"),
  };
});

const copyForm = z.object({ intent: z.literal("copy"), builtinKey: z.enum(builtinTemplateKeys) });
/** A blank template's name and kind: createTemplate judges them, in the words the page shows. */
const blankForm = z.object({
  intent: z.literal("blank"),
  name: z.string().optional(),
  kind: z.string().optional(),
});
const programsForm = z.discriminatedUnion("intent", [copyForm, blankForm]);

/** Names the blank template's fields in its messages. */
const blankFieldName: FieldNamer = (path, t) =>
  path === "name" ? t("templateEditor.blank.name") : path === "kind" ? t("templateEditor.blank.kind") : null;

/** Copies a built-in template, or creates a blank one, and opens it in the editor. */
export const action = tenantAction(
  { permission: "programs.manage", form: programsForm, fieldName: blankFieldName },
  async ({ form, tenant, user, requestId, withTenant }) => {
    const acting = { tenantId: tenant.id, actorUserId: user.id, requestId };
    if (form.intent === "blank") {
      const { templateId } = await withTenant((db) =>
        createTemplate(db, { ...acting, name: form.name ?? "", kind: form.kind ?? "" }),
      );
      throw redirect(`/${tenant.slug}/programs/templates/${templateId}?created=1`);
    }
    const { templateId } = await withTenant((db) =>
      copyBuiltinTemplate(db, { ...acting, builtinKey: form.builtinKey }),
    );
    throw redirect(`/${tenant.slug}/programs/templates/${templateId}?copied=1`);
  },
);

/** Starting from nothing: a name and a kind, and the new template opens in the editor. */
function BlankTemplateForm() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof blankForm>>({
    id: "blank",
    lastResult: isRefusal(result) ? result : undefined,
    constraint: getZodConstraint(blankForm),
    defaultValue: { kind: "standard" },
  });
  return (
    <section aria-labelledby="blank-title">
      <h2 id="blank-title">{t("templateEditor.blank.title")}</h2>
      <p>{t("templateEditor.blank.intro")}</p>
      {isRefusal(result) ? (
        <p role="alert" className="form-error">
          {t("templateEditor.blank.notCreated")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="blank" />
        <div className="field-grid">
          <InputField meta={fields.name} label={t("templateEditor.blank.name")} autoComplete="off" />
          <SelectField
            meta={fields.kind}
            label={t("templateEditor.blank.kind")}
            options={programKinds.map((kind) => ({ value: kind, label: t(`programs.kind.${kind}`) }))}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button-primary">
            {t("templateEditor.blank.create")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function Programs() {
  const { t } = useTranslation();
  const { builtins, templates, cohorts, base, mayManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("programs.index.title")}</h1>

      <section aria-labelledby="builtin-title">
        <h2 id="builtin-title">{t("programs.index.builtinTitle")}</h2>
        <p>{t("programs.index.builtinIntro")}</p>
        <ul className="card-grid">
          {builtins.map((builtin) => {
            const name = t(`programs.builtin.${builtin.key}.name`);
            return (
              <li key={builtin.key} className="card">
                <h3>{name}</h3>
                <p>{t(`programs.builtin.${builtin.key}.description`)}</p>
                <dl className="facts">
                  <dt>{t("programs.index.kind")}</dt>
                  <dd>{t(`programs.kind.${builtin.kind}`)}</dd>
                  <dt>{t("programs.index.shape")}</dt>
                  <dd>{builtin.shape}</dd>
                </dl>
                {mayManage ? (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="copy" />
                    <input type="hidden" name="builtinKey" value={builtin.key} />
                    <button type="submit" className="button-primary">
                      {t("programs.index.copy", { name })}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {mayManage ? <BlankTemplateForm /> : null}

      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{t("programs.index.templatesTitle")}</h2>
        <DataTable
          caption={t("programs.index.templatesCaption")}
          captionHidden
          rows={templates}
          rowKey={(template) => template.id}
          empty={t("programs.index.noTemplates")}
          columns={[
            {
              key: "name",
              header: t("programs.index.name"),
              cell: (template) => <Link to={`${base}/templates/${template.id}`}>{template.name}</Link>,
            },
            {
              key: "kind",
              header: t("programs.index.kind"),
              cell: (template) => t(`programs.kind.${template.kind}`),
            },
            { key: "shape", header: t("programs.index.shape"), cell: (template) => template.shape },
            {
              key: "version",
              header: t("programs.index.version"),
              cell: (template) => t("programs.index.versionValue", { version: template.currentVersion }),
            },
            {
              key: "cohorts",
              header: t("programs.index.cohortCount"),
              cell: (template) => t("programs.index.cohortCountValue", { count: template.cohorts }),
            },
            ...(mayManage
              ? [
                  {
                    key: "actions",
                    header: t("programs.index.actions"),
                    cell: (template: (typeof templates)[number]) => (
                      <Link
                        to={`${base}/cohorts/new?template=${template.id}`}
                        aria-label={t("programs.index.newCohortFor", { name: template.name })}
                      >
                        {t("programs.index.newCohort")}
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t("programs.index.cohortsTitle")}</h2>
        <DataTable
          caption={t("programs.index.cohortsCaption")}
          captionHidden
          rows={cohorts}
          rowKey={(cohort) => cohort.id}
          empty={t("programs.index.noCohorts")}
          columns={[
            {
              key: "title",
              header: t("programs.index.cohortTitle"),
              cell: (cohort) => <Link to={`${base}/cohorts/${cohort.id}`}>{cohort.title}</Link>,
            },
            { key: "template", header: t("programs.index.template"), cell: (cohort) => cohort.templateName },
            {
              key: "number",
              header: t("programs.index.number"),
              cell: (cohort) => t("programs.index.numberValue", { number: cohort.number }),
            },
            {
              key: "status",
              header: t("programs.index.status"),
              cell: (cohort) => t(`programs.status.${cohort.status}`),
            },
            {
              key: "recruitment",
              header: t("programs.index.recruitment"),
              cell: (cohort) =>
                t("programs.index.period", { from: cohort.recruitmentStart, to: cohort.recruitmentEnd }),
            },
            {
              key: "orientation",
              header: t("programs.index.orientation"),
              cell: (cohort) => cohort.orientation,
            },
            { key: "close", header: t("programs.index.close"), cell: (cohort) => cohort.close },
          ]}
        />
      </section>
    </>
  );
}
