import { type FieldMetadata, getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type ApplicationRole, applicationRoles, programKinds } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import { listTenantDepartments, loadTemplate, saveTemplate } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { InputField, SelectField, TextareaField } from "../components/form-fields";
import { presentTemplateEditor, templateFieldName } from "../presenters/template-editor.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";
import { definitionFromForm, phaseFields, type TemplateForm, templateForm } from "../services/template-form";

const templateParams = z.object({ templateId: id });

/** A template as a form: its core settings to edit, and its surveys, assignments, rubric and awards to read. */
export const loader = tenantLoader(
  {
    permission: "programs.view",
    params: templateParams,
    query: z.object({ copied: z.string().optional() }),
  },
  async ({ params, query, tenant, locale, may, withTenant }) => {
    const { template, departments } = await withTenant(async (db) => ({
      template: await loadTemplate(db, tenant.id, params.templateId),
      departments: await listTenantDepartments(db, { tenantId: tenant.id }),
    }));
    return {
      ...presentTemplateEditor(template, departments, locale),
      copied: query.copied !== undefined,
      mayManage: may("programs.manage"),
    };
  },
);

/** Saves the form: a new version when cohorts run on the current one; nothing at all when the input is bad. */
export const action = tenantAction(
  {
    permission: "programs.manage",
    params: templateParams,
    form: templateForm,
    fieldName: templateFieldName,
  },
  async ({ params, form, tenant, user, requestId, withTenant }) =>
    withTenant(async (db) => {
      const current = await loadTemplate(db, tenant.id, params.templateId);
      return saveTemplate(db, {
        tenantId: tenant.id,
        templateId: params.templateId,
        definition: definitionFromForm(form, current.definition),
        actorUserId: user.id,
        requestId,
      });
    }),
);

const numberInput = { inputMode: "numeric", autoComplete: "off" } as const;

type Bounds = FieldMetadata<{ min?: string; max?: string } | undefined>;

export default function TemplateEditor() {
  const { t } = useTranslation();
  const { template, values, departments, details, copied, mayManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const refusal = isRefusal(result) ? result : undefined;
  const saved = result && !isRefusal(result) ? result : undefined;
  // conform keeps a refusal's messages until another result replaces them: a save clears them.
  const lastResult = useMemo(
    () => refusal ?? (saved ? { status: "success" as const } : undefined),
    [refusal, saved],
  );
  const [form, fields] = useForm<TemplateForm>({
    id: "template",
    lastResult,
    constraint: getZodConstraint(templateForm),
    defaultValue: values,
  });
  const teamShape = fields.teamShape.getFieldset();
  const roles = fields.roles.getFieldset();
  const phases = fields.phases.getFieldset();
  const certificate = fields.certificate.getFieldset();
  // Each message of a refusal, by the name of the field it is about ("" is the form's own message).
  const fieldMessages = Object.entries(refusal?.error ?? {}).flatMap(([name, messages]) =>
    name !== "" && messages?.[0] ? [{ name, message: messages[0] }] : [],
  );

  const bounds = (meta: Bounds, labels: { min: string; max: string }) => {
    const bound = meta.getFieldset();
    return (["min", "max"] as const).map((end) => (
      <InputField key={end} meta={bound[end]} label={labels[end]} {...numberInput} />
    ));
  };

  const eligibility = (role: ApplicationRole) => {
    const settings = roles[role].getFieldset();
    const rule = settings.eligibility.getFieldset();
    const hireDate = rule.hireDate.getFieldset();
    const roleName = t(`programs.role.${role}`);
    const label = (key: MessageKeyUnder<"programs.field">) => t(`programs.field.${key}`, { role: roleName });
    return (
      <fieldset key={role}>
        <legend>{t("programs.template.eligibility", { role: roleName })}</legend>
        <p className="field__hint">{t("programs.template.eligibilityHint")}</p>
        <div className="field-grid">
          <InputField meta={settings.quota} label={label("quota")} {...numberInput} />
          {bounds(rule.grade, { min: label("gradeMin"), max: label("gradeMax") })}
          {bounds(rule.yearsOfService, { min: label("yearsMin"), max: label("yearsMax") })}
          <InputField meta={hireDate.from} type="date" label={label("hireDateFrom")} />
          <InputField meta={hireDate.to} type="date" label={label("hireDateTo")} />
          {bounds(rule.birthYear, { min: label("birthYearMin"), max: label("birthYearMax") })}
        </div>
        <div className="field-grid">
          {(["include", "exclude"] as const).map((list) => (
            <SelectField
              key={list}
              meta={rule.departments.getFieldset()[list]}
              label={label(list === "include" ? "departmentsInclude" : "departmentsExclude")}
              hint={t("programs.template.listHint")}
              multiple
              size={6}
              options={departments}
            />
          ))}
        </div>
        <div className="field-grid">
          {(["include", "exclude"] as const).map((list) => (
            <InputField
              key={list}
              meta={rule.positionTitles.getFieldset()[list]}
              label={label(list === "include" ? "positionsInclude" : "positionsExclude")}
            />
          ))}
        </div>
      </fieldset>
    );
  };

  return (
    <>
      <h1>{t("programs.template.title")}</h1>
      <dl className="facts">
        <dt>{t("programs.field.name")}</dt>
        <dd data-testid="template-name">{template.name}</dd>
        <dt>{t("programs.template.version")}</dt>
        <dd data-testid="template-version">
          {t("programs.index.versionValue", { version: template.currentVersion })}
        </dd>
      </dl>
      <p>
        {template.currentVersionInUse
          ? t("programs.template.inUse", { next: template.currentVersion + 1 })
          : t("programs.template.notInUse")}
      </p>
      {copied && !result ? (
        <p role="status" className="form-status">
          {t("programs.template.copied")}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="form-status">
          {saved.changed
            ? t(saved.newVersion ? "programs.template.savedNewVersion" : "programs.template.saved", {
                version: saved.version,
              })
            : t("programs.template.unchanged")}
        </p>
      ) : null}
      {refusal ? (
        <div role="alert" className="error-summary">
          <p className="form-error">{t("programs.template.notSaved")}</p>
          <ul>
            {fieldMessages.length > 0
              ? fieldMessages.map(({ name, message }) => (
                  <li key={name}>
                    {/* conform's id of the field with that name */}
                    <a href={`#${form.id}-${name}`}>{message}</a>
                  </li>
                ))
              : form.errors?.map((message) => <li key={message}>{message}</li>)}
          </ul>
        </div>
      ) : null}
      {mayManage ? null : <p>{t("programs.template.readOnlyNotice")}</p>}

      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <fieldset disabled={!mayManage} className="form-frame">
          <legend className="visually-hidden">{t("programs.template.title")}</legend>
          <fieldset>
            <legend>{t("programs.template.basics")}</legend>
            <InputField meta={fields.name} label={t("programs.field.name")} />
            <SelectField
              meta={fields.kind}
              label={t("programs.field.kind")}
              options={programKinds.map((kind) => ({ value: kind, label: t(`programs.kind.${kind}`) }))}
            />
            <TextareaField meta={fields.description} label={t("programs.field.description")} rows={4} />
          </fieldset>

          <fieldset>
            <legend>{t("programs.template.teamShape")}</legend>
            <p className="field__hint">{t("programs.template.teamShapeHint")}</p>
            <div className="field-grid">
              {bounds(teamShape.mentors, {
                min: t("programs.field.teamShape.mentorsMin"),
                max: t("programs.field.teamShape.mentorsMax"),
              })}
              {bounds(teamShape.mentees, {
                min: t("programs.field.teamShape.menteesMin"),
                max: t("programs.field.teamShape.menteesMax"),
              })}
            </div>
          </fieldset>

          {applicationRoles.map(eligibility)}

          <fieldset>
            <legend>{t("programs.template.phases")}</legend>
            <p className="field__hint">{t("programs.template.phasesHint")}</p>
            <div className="field-grid">
              {phaseFields.map((field) => (
                <InputField
                  key={field}
                  meta={phases[field]}
                  label={t(`programs.schedule.${field}`)}
                  {...numberInput}
                />
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend>{t("programs.template.certificate")}</legend>
            <p className="field__hint">{t("programs.template.certificateHint")}</p>
            <InputField meta={certificate.title} label={t("programs.field.certificateTitle")} />
            <TextareaField meta={certificate.body} label={t("programs.field.certificateBody")} rows={4} />
            <InputField meta={certificate.signerTitle} label={t("programs.field.certificateSigner")} />
          </fieldset>
          {mayManage ? (
            <button type="submit" className="button-primary" disabled={saving}>
              {t("programs.template.save")}
            </button>
          ) : null}
        </fieldset>
      </Form>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("programs.template.details")}</h2>
        <p>{t("programs.template.detailsNotice")}</p>

        <h3>{t("programs.template.questionSets")}</h3>
        {details.questionSets.length === 0 ? <p>{t("programs.template.none")}</p> : null}
        {details.questionSets.map((set) => (
          <article key={set.key} className="card question-set" aria-labelledby={`set-${set.key}`}>
            <h4 id={`set-${set.key}`}>{set.title}</h4>
            <dl className="facts">
              <dt>{t("programs.template.setPhases")}</dt>
              <dd>{set.phases.map((phase) => t(`programs.template.phase.${phase}`)).join(", ")}</dd>
              <dt>{t("programs.template.setRoles")}</dt>
              <dd>{set.roles.map((role) => t(`programs.role.${role}`)).join(", ")}</dd>
              <dt>{t("programs.template.setQuestions")}</dt>
              <dd>{t("programs.template.questionCount", { count: set.questions.length })}</dd>
            </dl>
            <ol>
              {set.questions.map((question) => (
                <li key={question.key}>
                  <span>{question.prompt}</span>{" "}
                  <span className="field__hint">
                    ({t(`programs.template.questionType.${question.type}`)})
                  </span>
                </li>
              ))}
            </ol>
          </article>
        ))}

        <h3>{t("programs.template.assignments")}</h3>
        <DataTable
          caption={t("programs.template.assignmentsCaption")}
          captionHidden
          rows={details.assignments}
          rowKey={(assignment) => `${assignment.month}-${assignment.title}`}
          empty={t("programs.template.none")}
          columns={[
            {
              key: "title",
              header: t("programs.template.assignmentTitle"),
              cell: (assignment) => assignment.title,
            },
            {
              key: "due",
              header: t("programs.template.assignmentDue"),
              cell: (assignment) =>
                t("programs.template.assignmentDueValue", {
                  month: assignment.month,
                  day: assignment.dueDay,
                }),
            },
          ]}
        />

        <h3>{t("programs.template.rubric")}</h3>
        <DataTable
          caption={t("programs.template.rubricCaption")}
          captionHidden
          rows={details.rubric}
          rowKey={(criterion) => criterion.key}
          empty={t("programs.template.none")}
          columns={[
            { key: "name", header: t("programs.template.criterion"), cell: (criterion) => criterion.name },
            {
              key: "weight",
              header: t("programs.template.weight"),
              cell: (criterion) => t("programs.template.weightValue", { weight: criterion.weight }),
            },
            { key: "scale", header: t("programs.template.scale"), cell: (criterion) => criterion.scaleMax },
          ]}
        />

        <h3>{t("programs.template.awards")}</h3>
        <DataTable
          caption={t("programs.template.awardsCaption")}
          captionHidden
          rows={details.awards}
          rowKey={(award) => award.name}
          empty={t("programs.template.none")}
          columns={[
            { key: "award", header: t("programs.template.award"), cell: (award) => award.name },
            {
              key: "teams",
              header: t("programs.template.awardTeams"),
              cell: (award) => t("programs.template.awardTeamsValue", { count: award.teams }),
            },
            { key: "prize", header: t("programs.template.prize"), cell: (award) => award.prize },
          ]}
        />
      </section>
    </>
  );
}
