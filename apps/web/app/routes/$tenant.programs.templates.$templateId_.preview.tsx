import { applicationRoles } from "@mentoring/domain";
import { loadTemplate, tenantToday } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { pageTitle } from "../components/page-title";
import { QuestionField } from "../components/survey-question";
import { TemplateNav } from "../components/template-nav";
import { presentTemplatePreview } from "../presenters/template-preview.server";
import { tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("templateEditor.preview.title");

/** A participant's view of a template: its surveys as they will be answered, per role, its certificate and assignments. */
export const loader = tenantLoader(
  {
    permission: "programs.view",
    params: z.object({ templateId: id }),
    // A role that is none of the two shows the first: the page is still there.
    query: z.object({ role: z.enum(applicationRoles).catch("mentor").default("mentor") }),
  },
  async ({ params, query, tenant, locale, t, withTenant }) => {
    const template = await withTenant((db) => loadTemplate(db, tenant.id, params.templateId));
    const names = (key: "templateEditor.preview.exampleMentors" | "templateEditor.preview.exampleMentees") =>
      t(key)
        .split(",")
        .map((name) => name.trim());
    return {
      ...presentTemplatePreview(template, query.role, locale, {
        tenant: { id: tenant.id, name: tenant.name },
        mentors: names("templateEditor.preview.exampleMentors"),
        mentees: names("templateEditor.preview.exampleMentees"),
        cohort: t("templateEditor.preview.exampleCohort", { program: template.definition.name }),
        date: tenantToday(tenant.timeZone),
      }),
      base: `/${tenant.slug}/programs/templates/${template.id}/preview`,
      tenantSlug: tenant.slug,
    };
  },
);

export default function TemplatePreview() {
  const { t } = useTranslation();
  const { template, role, sets, certificate, assignments, base, tenantSlug } = useLoaderData<typeof loader>();
  const roleName = t(`programs.role.${role}`);
  return (
    <>
      <h1>{t("templateEditor.preview.title")}</h1>
      <TemplateNav tenantSlug={tenantSlug} templateId={template.id} />
      <p>{t("templateEditor.preview.intro")}</p>
      <nav aria-label={t("templateEditor.preview.roles")} className="role-toggle">
        <ul>
          {applicationRoles.map((choice) => (
            <li key={choice}>
              <Link
                to={`${base}?role=${choice}`}
                aria-current={choice === role ? "page" : undefined}
                preventScrollReset
              >
                {t("templateEditor.preview.asRole", { role: t(`programs.role.${choice}`) })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="preview-surveys">
        <h2 id="preview-surveys">{t("templateEditor.preview.surveys")}</h2>
        {sets.length === 0 ? <p>{t("templateEditor.preview.noSurveys", { role: roleName })}</p> : null}
        {sets.map((set) => (
          <article key={set.key} className="card preview-set" aria-labelledby={`set-${set.key}`}>
            <h3 id={`set-${set.key}`}>{set.title}</h3>
            <p className="survey-meta">
              {t("templateEditor.preview.setPhases", {
                phases: set.phases.map((phase) => t(`programs.template.phase.${phase}`)).join(", "),
              })}
            </p>
            {/* Answers can be tried; the form has nowhere to go and nothing is sent. */}
            <form className="survey-form" noValidate onSubmit={(event) => event.preventDefault()}>
              {set.questions.map((question) => (
                <QuestionField
                  key={question.key}
                  question={question}
                  answer={undefined}
                  problem={undefined}
                  idPrefix={`${set.key}-q-`}
                />
              ))}
            </form>
          </article>
        ))}
      </section>

      <section aria-labelledby="preview-certificate">
        <h2 id="preview-certificate">{t("templateEditor.preview.certificate")}</h2>
        <p className="field__hint">{t("templateEditor.preview.certificateHint")}</p>
        <div className="card certificate-preview" data-testid="certificate-preview">
          <p className="certificate-preview__title">{certificate.title}</p>
          <p className="certificate-preview__body">{certificate.body}</p>
          {certificate.signerTitle ? (
            <p className="certificate-preview__signer">
              {t("templateEditor.preview.signer", { title: certificate.signerTitle })}
            </p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="preview-assignments">
        <h2 id="preview-assignments">{t("templateEditor.preview.assignments")}</h2>
        {assignments.length === 0 ? <p>{t("templateEditor.preview.noAssignments")}</p> : null}
        {assignments.map((assignment) => (
          <article
            key={`${assignment.month}-${assignment.title}`}
            className="card preview-assignment"
            aria-label={assignment.title}
          >
            <h3>{assignment.title}</h3>
            <p className="survey-meta">
              {t("templateEditor.preview.assignmentDue", { month: assignment.month, day: assignment.dueDay })}
            </p>
            {assignment.description ? <p>{assignment.description}</p> : null}
          </article>
        ))}
      </section>
    </>
  );
}
