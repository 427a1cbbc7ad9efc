import { builtinTemplateKeys, can } from "@mentoring/domain";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { tenantRoute } from "../services/guard.server";
import { copyTemplate, programsPage } from "../services/programs.server";

/** The programs: built-in templates to copy, the tenant's templates, and its cohorts. */
export const loader = tenantRoute("programs.view", async ({ context, tenant, membership }) => {
  const page = await programsPage(context.services, tenant);
  return { ...page, base: `/${tenant.slug}/programs`, mayManage: can(membership.roles, "programs.manage") };
});

const copyForm = z.object({ intent: z.literal("copy"), builtinKey: z.enum(builtinTemplateKeys) });

/** Copies a built-in template and opens the copy in the editor. */
export const action = tenantRoute("programs.manage", async ({ request, context, tenant, user }) => {
  const parsed = copyForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response(null, { status: 400 });
  const { templateId } = await copyTemplate(context.services, {
    tenant,
    actorUserId: user.id,
    requestId: context.requestId,
    builtinKey: parsed.data.builtinKey,
  });
  throw redirect(`/${tenant.slug}/programs/templates/${templateId}?copied=1`);
});

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
        {templates.length === 0 ? (
          <p>{t("programs.index.noTemplates")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("programs.index.templatesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("programs.index.name")}</th>
                  <th scope="col">{t("programs.index.kind")}</th>
                  <th scope="col">{t("programs.index.shape")}</th>
                  <th scope="col">{t("programs.index.version")}</th>
                  <th scope="col">{t("programs.index.cohortCount")}</th>
                  {mayManage ? <th scope="col">{t("programs.index.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {templates.map((template) => (
                  <tr key={template.id}>
                    <th scope="row">
                      <Link to={`${base}/templates/${template.id}`}>{template.name}</Link>
                    </th>
                    <td>{t(`programs.kind.${template.kind}`)}</td>
                    <td>{template.shape}</td>
                    <td>{t("programs.index.versionValue", { version: template.currentVersion })}</td>
                    <td>{t("programs.index.cohortCountValue", { count: template.cohorts })}</td>
                    {mayManage ? (
                      <td>
                        <Link
                          to={`${base}/cohorts/new?template=${template.id}`}
                          aria-label={t("programs.index.newCohortFor", { name: template.name })}
                        >
                          {t("programs.index.newCohort")}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t("programs.index.cohortsTitle")}</h2>
        {cohorts.length === 0 ? (
          <p>{t("programs.index.noCohorts")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("programs.index.cohortsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("programs.index.cohortTitle")}</th>
                  <th scope="col">{t("programs.index.template")}</th>
                  <th scope="col">{t("programs.index.number")}</th>
                  <th scope="col">{t("programs.index.status")}</th>
                  <th scope="col">{t("programs.index.recruitment")}</th>
                  <th scope="col">{t("programs.index.orientation")}</th>
                  <th scope="col">{t("programs.index.close")}</th>
                </tr>
              </thead>
              <tbody>
                {cohorts.map((cohort) => (
                  <tr key={cohort.id}>
                    <th scope="row">
                      <Link to={`${base}/cohorts/${cohort.id}`}>{cohort.title}</Link>
                    </th>
                    <td>{cohort.templateName}</td>
                    <td>{t("programs.index.numberValue", { number: cohort.number })}</td>
                    <td>{t(`programs.status.${cohort.status}`)}</td>
                    <td>
                      {t("programs.index.period", {
                        from: cohort.recruitmentStart,
                        to: cohort.recruitmentEnd,
                      })}
                    </td>
                    <td>{cohort.orientation}</td>
                    <td>{cohort.close}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
