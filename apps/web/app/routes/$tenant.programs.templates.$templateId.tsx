import { type ApplicationRole, applicationRoles, can, programKinds, scheduleFields } from "@mentoring/domain";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import type { FormIssue, FormIssues } from "../services/form-issues.server";
import { notFound, tenantRoute } from "../services/guard.server";
import { localeOf, translatorFor } from "../services/i18n.server";
import { saveTemplateForm, templateEditor } from "../services/programs.server";

const templateIdSchema = z.string().uuid();

/** A template as a form: its core settings to edit, and its surveys, assignments, rubric and awards to read. */
export const loader = tenantRoute(
  "programs.view",
  async ({ request, params, context, tenant, membership }) => {
    const templateId = templateIdSchema.safeParse(params.templateId);
    if (!templateId.success) throw notFound();
    const editor = await templateEditor(context.services, tenant, templateId.data, await localeOf(request));
    return { ...editor, mayManage: can(membership.roles, "programs.manage") };
  },
);

/** Saves the form: a new version when cohorts run on the current one; nothing at all when the input is bad. */
export const action = tenantRoute("programs.manage", async ({ request, params, context, tenant, user }) => {
  const templateId = templateIdSchema.safeParse(params.templateId);
  if (!templateId.success) throw notFound();
  const outcome = await saveTemplateForm(context.services, {
    tenant,
    actorUserId: user.id,
    requestId: context.requestId,
    templateId: templateId.data,
    form: await request.formData(),
    t: await translatorFor(request),
  });
  return outcome;
});

/** Form field names are paths in the definition ("teamShape.mentors.min"); ids use dashes. */
const idOf = (name: string) => `field-${name.replaceAll(".", "-")}`;

function IssueMessage({ name, issue }: { name: string; issue?: FormIssue }) {
  const { t } = useTranslation();
  if (!issue) return null;
  return (
    <p id={`${idOf(name)}-error`} className="field__error">
      {t(issue.key, issue.params)}
    </p>
  );
}

/** A labelled control whose error names it and is tied to it for screen readers. */
function Labelled({
  name,
  label,
  hint,
  issue,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  issue?: FormIssue;
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = idOf(name);
  const describedBy = [hint ? `${id}-hint` : null, issue ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": issue ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      <IssueMessage name={name} issue={issue} />
    </div>
  );
}

type Common = { name: string; label: string; hint?: string; issues: FormIssues };

function InputField({ name, label, hint, issues, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled name={name} label={label} hint={hint} issue={issues[name]}>
      {(control) => <input name={name} {...control} {...input} />}
    </Labelled>
  );
}

function TextAreaField({
  name,
  label,
  hint,
  issues,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled name={name} label={label} hint={hint} issue={issues[name]}>
      {(control) => <textarea name={name} rows={4} {...control} {...textarea} />}
    </Labelled>
  );
}

function ChoiceField({
  name,
  label,
  hint,
  issues,
  options,
  ...select
}: Common & { options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Labelled name={name} label={label} hint={hint} issue={issues[name]}>
      {(control) => (
        <select name={name} {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

const numberInput = { type: "text", inputMode: "numeric", autoComplete: "off" } as const;

export default function TemplateEditor() {
  const { t } = useTranslation();
  const { template, definition, departments, details, mayManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const saving = useNavigation().state === "submitting";
  const issues: FormIssues = result && !result.ok ? result.issues : {};
  const departmentOptions = departments.map((department) => ({
    value: department.id,
    label: department.name,
  }));

  const eligibility = (role: ApplicationRole) => {
    const base = `roles.${role}.eligibility`;
    const rule = definition.roles[role].eligibility;
    const roleName = t(`programs.role.${role}`);
    const label = (key: string) => t(`programs.field.${key}`, { role: roleName });
    return (
      <fieldset key={role}>
        <legend>{t("programs.template.eligibility", { role: roleName })}</legend>
        <p className="field__hint">{t("programs.template.eligibilityHint")}</p>
        <div className="field-grid">
          <InputField
            name={`roles.${role}.quota`}
            label={label("quota")}
            defaultValue={definition.roles[role].quota}
            issues={issues}
            {...numberInput}
          />
          <InputField
            name={`${base}.grade.min`}
            label={label("gradeMin")}
            defaultValue={rule.grade?.min ?? ""}
            issues={issues}
            {...numberInput}
          />
          <InputField
            name={`${base}.grade.max`}
            label={label("gradeMax")}
            defaultValue={rule.grade?.max ?? ""}
            issues={issues}
            {...numberInput}
          />
          <InputField
            name={`${base}.yearsOfService.min`}
            label={label("yearsMin")}
            defaultValue={rule.yearsOfService?.min ?? ""}
            issues={issues}
            {...numberInput}
          />
          <InputField
            name={`${base}.yearsOfService.max`}
            label={label("yearsMax")}
            defaultValue={rule.yearsOfService?.max ?? ""}
            issues={issues}
            {...numberInput}
          />
          <InputField
            name={`${base}.hireDate.from`}
            label={label("hireDateFrom")}
            type="date"
            defaultValue={rule.hireDate?.from ?? ""}
            issues={issues}
          />
          <InputField
            name={`${base}.hireDate.to`}
            label={label("hireDateTo")}
            type="date"
            defaultValue={rule.hireDate?.to ?? ""}
            issues={issues}
          />
          <InputField
            name={`${base}.birthYear.min`}
            label={label("birthYearMin")}
            defaultValue={rule.birthYear?.min ?? ""}
            issues={issues}
            {...numberInput}
          />
          <InputField
            name={`${base}.birthYear.max`}
            label={label("birthYearMax")}
            defaultValue={rule.birthYear?.max ?? ""}
            issues={issues}
            {...numberInput}
          />
        </div>
        <div className="field-grid">
          {(["include", "exclude"] as const).map((list) => (
            <ChoiceField
              key={list}
              name={`${base}.departments.${list}`}
              label={label(list === "include" ? "departmentsInclude" : "departmentsExclude")}
              hint={t("programs.template.listHint")}
              multiple
              size={6}
              options={departmentOptions}
              defaultValue={rule.departments?.[list] ?? []}
              issues={issues}
            />
          ))}
        </div>
        <div className="field-grid">
          {(["include", "exclude"] as const).map((list) => (
            <InputField
              key={list}
              name={`${base}.positionTitles.${list}`}
              label={label(list === "include" ? "positionsInclude" : "positionsExclude")}
              defaultValue={(rule.positionTitles?.[list] ?? []).join(", ")}
              issues={issues}
            />
          ))}
        </div>
      </fieldset>
    );
  };

  const summary = Object.entries(issues);
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
      {search.get("copied") && !result ? (
        <p role="status" className="form-status">
          {t("programs.template.copied")}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="form-status">
          {result.changed
            ? t(result.newVersion ? "programs.template.savedNewVersion" : "programs.template.saved", {
                version: result.version,
              })
            : t("programs.template.unchanged")}
        </p>
      ) : null}
      {summary.length > 0 ? (
        <div role="alert" className="error-summary">
          <p className="form-error">{t("programs.template.notSaved")}</p>
          <ul>
            {summary.map(([name, issue]) => (
              <li key={name}>
                {name === "" ? (
                  t(issue.key, issue.params)
                ) : (
                  <a href={`#${idOf(name)}`}>{t(issue.key, issue.params)}</a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {mayManage ? null : <p>{t("programs.template.readOnlyNotice")}</p>}

      <Form method="post" noValidate>
        <CsrfInput />
        <fieldset disabled={!mayManage} className="form-frame">
          <legend className="visually-hidden">{t("programs.template.title")}</legend>
          <fieldset>
            <legend>{t("programs.template.basics")}</legend>
            <InputField
              name="name"
              label={t("programs.field.name")}
              defaultValue={definition.name}
              issues={issues}
            />
            <ChoiceField
              name="kind"
              label={t("programs.field.kind")}
              defaultValue={definition.kind}
              options={programKinds.map((kind) => ({ value: kind, label: t(`programs.kind.${kind}`) }))}
              issues={issues}
            />
            <TextAreaField
              name="description"
              label={t("programs.field.description")}
              defaultValue={definition.description}
              issues={issues}
            />
          </fieldset>

          <fieldset>
            <legend>{t("programs.template.teamShape")}</legend>
            <p className="field__hint">{t("programs.template.teamShapeHint")}</p>
            <div className="field-grid">
              {(["mentors", "mentees"] as const).flatMap((side) =>
                (["min", "max"] as const).map((bound) => (
                  <InputField
                    key={`${side}.${bound}`}
                    name={`teamShape.${side}.${bound}`}
                    label={t(`programs.field.teamShape.${side}${bound === "min" ? "Min" : "Max"}`)}
                    defaultValue={definition.teamShape[side][bound]}
                    issues={issues}
                    {...numberInput}
                  />
                )),
              )}
            </div>
          </fieldset>

          {applicationRoles.map(eligibility)}

          <fieldset>
            <legend>{t("programs.template.phases")}</legend>
            <p className="field__hint">{t("programs.template.phasesHint")}</p>
            <div className="field-grid">
              {scheduleFields
                .filter((field) => field !== "recruitmentStart")
                .map((field) => (
                  <InputField
                    key={field}
                    name={`phases.${field}`}
                    label={t(`programs.schedule.${field}`)}
                    defaultValue={definition.phases[field as keyof typeof definition.phases]}
                    issues={issues}
                    {...numberInput}
                  />
                ))}
            </div>
          </fieldset>

          <fieldset>
            <legend>{t("programs.template.certificate")}</legend>
            <p className="field__hint">{t("programs.template.certificateHint")}</p>
            <InputField
              name="certificate.title"
              label={t("programs.field.certificateTitle")}
              defaultValue={definition.certificate.title}
              issues={issues}
            />
            <TextAreaField
              name="certificate.body"
              label={t("programs.field.certificateBody")}
              defaultValue={definition.certificate.body}
              issues={issues}
            />
            <InputField
              name="certificate.signerTitle"
              label={t("programs.field.certificateSigner")}
              defaultValue={definition.certificate.signerTitle}
              issues={issues}
            />
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
        {details.assignments.length === 0 ? (
          <p>{t("programs.template.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("programs.template.assignmentsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("programs.template.assignmentTitle")}</th>
                  <th scope="col">{t("programs.template.assignmentDue")}</th>
                </tr>
              </thead>
              <tbody>
                {details.assignments.map((assignment) => (
                  <tr key={`${assignment.month}-${assignment.title}`}>
                    <th scope="row">{assignment.title}</th>
                    <td>
                      {t("programs.template.assignmentDueValue", {
                        month: assignment.month,
                        day: assignment.dueDay,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3>{t("programs.template.rubric")}</h3>
        {details.rubric.length === 0 ? (
          <p>{t("programs.template.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("programs.template.rubricCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("programs.template.criterion")}</th>
                  <th scope="col">{t("programs.template.weight")}</th>
                  <th scope="col">{t("programs.template.scale")}</th>
                </tr>
              </thead>
              <tbody>
                {details.rubric.map((criterion) => (
                  <tr key={criterion.key}>
                    <th scope="row">{criterion.name}</th>
                    <td>{t("programs.template.weightValue", { weight: criterion.weight })}</td>
                    <td>{criterion.scaleMax}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3>{t("programs.template.awards")}</h3>
        {details.awards.length === 0 ? (
          <p>{t("programs.template.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("programs.template.awardsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("programs.template.award")}</th>
                  <th scope="col">{t("programs.template.awardTeams")}</th>
                  <th scope="col">{t("programs.template.prize")}</th>
                </tr>
              </thead>
              <tbody>
                {details.awards.map((award) => (
                  <tr key={award.name}>
                    <th scope="row">{award.name}</th>
                    <td>{t("programs.template.awardTeamsValue", { count: award.teams })}</td>
                    <td>{award.prize}</td>
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
