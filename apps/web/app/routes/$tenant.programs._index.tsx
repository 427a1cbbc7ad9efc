import { builtinTemplateKeys } from "@mentoring/domain";
import { copyBuiltinTemplate, listCohorts, listTemplates } from "@mentoring/programs";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { presentPrograms } from "../presenters/programs.server";
import { tenantAction, tenantLoader } from "../services/route-builder.server";

/** The programs: built-in templates to copy, the tenant's templates, and its cohorts. */
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

/** Copies a built-in template and opens the copy in the editor. */
export const action = tenantAction(
  { permission: "programs.manage", form: copyForm },
  async ({ form, tenant, user, requestId, withTenant }) => {
    const { templateId } = await withTenant((db) =>
      copyBuiltinTemplate(db, {
        tenantId: tenant.id,
        builtinKey: form.builtinKey,
        actorUserId: user.id,
        requestId,
      }),
    );
    throw redirect(`/${tenant.slug}/programs/templates/${templateId}?copied=1`);
  },
);

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
