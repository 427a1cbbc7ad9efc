import type { FieldMetadata } from "@conform-to/react";
import {
  type ApplicationRole,
  applicationRoles,
  evaluationNormalisations,
  plannedFields,
  programKinds,
  recruitedRoles,
} from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import { listTenantDepartments, loadTemplate } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  CheckboxField,
  InputField,
  RadioGroupField,
  SelectField,
  TextareaField,
} from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { TemplatePageHeading, TemplatePartForm, useTemplatePartForm } from "../components/template-page";
import { presentTemplateEditor, templateFieldName } from "../presenters/template-editor.server";
import { tenantLoader } from "../services/route-builder.server";
import {
  definitionFromForm,
  metricOf,
  phaseFields,
  sourceChoices,
  type TemplateForm,
  takesTarget,
  templateForm,
  typedWeightSum,
  withFormPaths,
} from "../services/template-form";
import { templateParams, templatePartAction } from "../services/template-save.server";

export const handle = pageTitle("programs.template.title");

/** A template as a form: its settings, rubric, evaluation and awards (its other parts have pages of their own). */
export const loader = tenantLoader(
  {
    permission: "programs.view",
    params: templateParams,
    query: z.object({ copied: z.string().optional(), created: z.string().optional() }),
  },
  async ({ params, query, tenant, may, withTenant }) => {
    const { template, departments } = await withTenant(async (db) => ({
      template: await loadTemplate(db, tenant.id, params.templateId),
      departments: await listTenantDepartments(db, { tenantId: tenant.id }),
    }));
    return {
      ...presentTemplateEditor(template, departments),
      copied: query.copied !== undefined,
      created: query.created !== undefined,
      tenantSlug: tenant.slug,
      mayManage: may("programs.manage"),
    };
  },
);

/** Saves the form: a new version when cohorts run on the current one; nothing at all when the input is bad. */
export const action = templatePartAction({
  form: templateForm,
  fieldName: templateFieldName,
  change: definitionFromForm,
  // A rubric's levels are named by their row in the form, which the definition no longer has.
  toFormPaths: (error, _current, form) => withFormPaths(error, form),
});

/** A criterion as the add button makes it: scored by evaluators out of 10. */
const newCriterion = { scaleMax: "10", source: { kind: "evaluators" } };

const numberInput = { inputMode: "numeric", autoComplete: "off" } as const;

type Bounds = FieldMetadata<{ min?: string; max?: string } | undefined>;

export default function TemplateEditor() {
  const { t } = useTranslation();
  const { template, values, departments, savedCriterionKeys, copied, created, tenantSlug, mayManage } =
    useLoaderData<typeof loader>();
  const { form, fields, answered, refusal, saved } = useTemplatePartForm<TemplateForm>({
    id: "template",
    schema: templateForm,
    defaultValue: values,
  });
  const teamShape = fields.teamShape.getFieldset();
  const roles = fields.roles.getFieldset();
  const phases = fields.phases.getFieldset();
  const certificate = fields.certificate.getFieldset();
  const criteria = fields.rubric.getFieldList();
  const evaluation = fields.evaluation.getFieldset();
  // A junior board forms no teams: its form has no team shape, mentee role nor pairing certificate, and
  // follows the kind as it is chosen (the hidden parts keep their saved values).
  const board = (fields.kind.value ?? values.kind) === "board";
  // A board is planned without orientation, matching and the pairing ceremony.
  const planned: readonly string[] = plannedFields(board ? "board" : "standard");
  const awards = fields.awards.getFieldList();
  // What the weights typed so far add up to, kept up to date as they are typed.
  const weightSum = typedWeightSum(criteria.map((criterion) => criterion.getFieldset().weight.value));

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
    const roleName = board ? t("board.memberRole") : t(`programs.role.${role}`);
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

  const criterionFieldset = (criterion: (typeof criteria)[number], index: number) => {
    const field = criterion.getFieldset();
    const name = field.name.getFieldset();
    const description = field.description.getFieldset();
    const source = field.source.getFieldset();
    const levels = field.levels.getFieldList();
    const number = index + 1;
    const label = (key: MessageKeyUnder<"programs.rubric.editor.field">) =>
      t(`programs.rubric.editor.field.${key}`, { number });
    const metric = metricOf(source.kind.value);
    const targetMetric = takesTarget(metric) ? metric : null;
    // A saved criterion keeps its key: evaluations hold their scores by it.
    const savedKey = savedCriterionKeys.includes(String(criterion.initialValue?.key ?? ""));
    return (
      <fieldset key={criterion.key} className="card">
        <legend>{t("programs.rubric.editor.criterion", { number })}</legend>
        <div className="field-grid">
          <InputField
            meta={field.key}
            label={label("key")}
            readOnly={savedKey}
            hint={savedKey ? undefined : t("programs.rubric.editor.keyHint")}
            autoComplete="off"
          />
          <InputField meta={field.weight} label={label("weight")} {...numberInput} />
          <InputField meta={field.scaleMax} label={label("scaleMax")} {...numberInput} />
        </div>
        <div className="field-grid">
          <InputField meta={name.ko} label={label("nameKo")} />
          <InputField meta={name.en} label={label("nameEn")} />
        </div>
        <div className="field-grid">
          <TextareaField meta={description.ko} label={label("descriptionKo")} rows={3} />
          <TextareaField meta={description.en} label={label("descriptionEn")} rows={3} />
        </div>
        <div className="field-grid">
          <SelectField
            meta={source.kind}
            label={label("source")}
            hint={
              metric
                ? t("programs.rubric.editor.formula", {
                    formula: t(`programs.rubric.metric.${metric}.formula`),
                  })
                : t("programs.rubric.editor.evaluatorsFormula")
            }
            options={sourceChoices.map((choice) => ({
              value: choice,
              label:
                choice === "evaluators"
                  ? t("programs.rubric.editor.evaluators")
                  : t("programs.rubric.editor.computed", {
                      metric: t(`programs.rubric.metric.${choice}.label`),
                    }),
            }))}
          />
          {targetMetric ? (
            <InputField
              meta={source.target}
              label={label("target")}
              hint={t(`programs.rubric.editor.targetHint.${targetMetric}`)}
              inputMode="decimal"
              autoComplete="off"
            />
          ) : null}
        </div>
        <fieldset>
          <legend>{label("levels")}</legend>
          <p className="field__hint">{t("programs.rubric.editor.levelsHint")}</p>
          {levels.map((level, levelIndex) => {
            const levelField = level.getFieldset();
            const levelLabel = levelField.label.getFieldset();
            const numbers = { number, level: levelIndex + 1 };
            return (
              <div key={level.key} className="field-grid">
                <InputField
                  meta={levelField.score}
                  label={t("programs.rubric.editor.field.levelScore", numbers)}
                  {...numberInput}
                />
                <InputField
                  meta={levelLabel.ko}
                  label={t("programs.rubric.editor.field.levelLabelKo", numbers)}
                />
                <InputField
                  meta={levelLabel.en}
                  label={t("programs.rubric.editor.field.levelLabelEn", numbers)}
                />
                {mayManage ? (
                  <div className="button-row">
                    <button
                      type="submit"
                      {...form.remove.getButtonProps({ name: field.levels.name, index: levelIndex })}
                    >
                      {t("programs.rubric.editor.removeLevel", numbers)}
                    </button>
                  </div>
                ) : null}
              </div>
            );
          })}
          {mayManage ? (
            <div className="button-row">
              <button type="submit" {...form.insert.getButtonProps({ name: field.levels.name })}>
                {t("programs.rubric.editor.addLevel", { number })}
              </button>
            </div>
          ) : null}
        </fieldset>
        {mayManage ? (
          <div className="button-row">
            {index > 0 ? (
              <button
                type="submit"
                {...form.reorder.getButtonProps({ name: fields.rubric.name, from: index, to: index - 1 })}
              >
                {t("programs.rubric.editor.moveUp", { number })}
              </button>
            ) : null}
            {index < criteria.length - 1 ? (
              <button
                type="submit"
                {...form.reorder.getButtonProps({ name: fields.rubric.name, from: index, to: index + 1 })}
              >
                {t("programs.rubric.editor.moveDown", { number })}
              </button>
            ) : null}
            <button type="submit" {...form.remove.getButtonProps({ name: fields.rubric.name, index })}>
              {t("programs.rubric.editor.remove", { number })}
            </button>
          </div>
        ) : null}
      </fieldset>
    );
  };

  const awardFieldset = (award: (typeof awards)[number], index: number) => {
    const field = award.getFieldset();
    const name = field.name.getFieldset();
    const prize = field.prize.getFieldset();
    const number = index + 1;
    const label = (key: MessageKeyUnder<"programs.rubric.editor.awards.field">) =>
      t(`programs.rubric.editor.awards.field.${key}`, { number });
    return (
      <fieldset key={award.key} className="card">
        <legend>{t("programs.rubric.editor.awards.award", { number })}</legend>
        <div className="field-grid">
          <InputField meta={name.ko} label={label("nameKo")} />
          <InputField meta={name.en} label={label("nameEn")} />
          <InputField meta={field.teams} label={label("teams")} {...numberInput} />
        </div>
        <div className="field-grid">
          <InputField meta={prize.ko} label={label("prizeKo")} />
          <InputField meta={prize.en} label={label("prizeEn")} />
          <InputField meta={field.certificateTitle} label={label("certificateTitle")} />
        </div>
        {mayManage ? (
          <div className="button-row">
            <button type="submit" {...form.remove.getButtonProps({ name: fields.awards.name, index })}>
              {t("programs.rubric.editor.awards.remove", { number })}
            </button>
          </div>
        ) : null}
      </fieldset>
    );
  };

  return (
    <>
      <TemplatePageHeading title="programs.template.title" tenantSlug={tenantSlug} template={template} />
      {copied && !answered ? (
        <p role="status" className="form-status">
          {t("programs.template.copied")}
        </p>
      ) : null}
      {created && !answered ? (
        <p role="status" className="form-status">
          {t("templateEditor.blank.created")}
        </p>
      ) : null}
      <TemplatePartForm
        form={form}
        title={t("programs.template.title")}
        save={t("programs.template.save")}
        mayManage={mayManage}
        refusal={refusal}
        saved={saved}
      >
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

        {board ? (
          <p data-testid="board-unused">{t("templateEditor.board.unused")}</p>
        ) : (
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
        )}

        {(board ? recruitedRoles("board") : applicationRoles).map(eligibility)}

        <fieldset>
          <legend>{t("programs.template.phases")}</legend>
          <p className="field__hint">{t("programs.template.phasesHint")}</p>
          <div className="field-grid">
            {phaseFields
              .filter((field) => planned.includes(field))
              .map((field) => (
                <InputField
                  key={field}
                  meta={phases[field]}
                  label={t(`programs.schedule.${field}`)}
                  {...numberInput}
                />
              ))}
          </div>
        </fieldset>

        {board ? null : (
          <fieldset>
            <legend>{t("programs.template.certificate")}</legend>
            <p className="field__hint">{t("programs.template.certificateHint")}</p>
            <InputField meta={certificate.title} label={t("programs.field.certificateTitle")} />
            <TextareaField meta={certificate.body} label={t("programs.field.certificateBody")} rows={4} />
            <InputField meta={certificate.signerTitle} label={t("programs.field.certificateSigner")} />
          </fieldset>
        )}

        <fieldset
          aria-describedby={fields.rubric.errors ? `rubric-sum ${fields.rubric.errorId}` : "rubric-sum"}
        >
          <legend>{t("programs.rubric.editor.legend")}</legend>
          <p className="field__hint">{t("programs.rubric.editor.hint")}</p>
          {/* The summary's link to the rubric's own message (weights not adding up to 100) lands here. */}
          <p id={fields.rubric.id} tabIndex={-1}>
            <strong id="rubric-sum" aria-live="polite" data-testid="rubric-sum">
              {t("programs.rubric.editor.sum", { sum: weightSum })}
            </strong>
            {criteria.length > 0 && weightSum !== 100 ? (
              <span className="field__hint"> {t("programs.rubric.editor.sumOff")}</span>
            ) : null}
          </p>
          {fields.rubric.errors?.[0] ? (
            <p id={fields.rubric.errorId} className="field__error">
              {fields.rubric.errors[0]}
            </p>
          ) : null}
          {criteria.map(criterionFieldset)}
          {mayManage ? (
            <div className="button-row">
              <button
                type="submit"
                {...form.insert.getButtonProps({ name: fields.rubric.name, defaultValue: newCriterion })}
              >
                {t("programs.rubric.editor.add")}
              </button>
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t("programs.rubric.editor.evaluation.legend")}</legend>
          <CheckboxField
            meta={evaluation.conflictSameDepartment}
            label={t("programs.rubric.editor.evaluation.conflict")}
            hint={t("programs.rubric.editor.evaluation.conflictHint")}
          />
          <RadioGroupField
            meta={evaluation.normalisation}
            label={t("programs.rubric.editor.evaluation.normalisation")}
            options={evaluationNormalisations.map((normalisation) => ({
              value: normalisation,
              label: t(`programs.rubric.editor.evaluation.${normalisation}`),
            }))}
          />
          <InputField
            meta={evaluation.disagreementSpread}
            label={t("programs.rubric.editor.evaluation.disagreement")}
            hint={t("programs.rubric.editor.evaluation.disagreementHint")}
            inputMode="decimal"
            autoComplete="off"
          />
        </fieldset>

        <fieldset>
          <legend>{t("programs.rubric.editor.awards.legend")}</legend>
          <p className="field__hint">{t("programs.rubric.editor.awards.hint")}</p>
          {fields.awards.errors?.[0] ? (
            <p id={fields.awards.errorId} className="field__error">
              {fields.awards.errors[0]}
            </p>
          ) : null}
          {awards.map(awardFieldset)}
          {mayManage ? (
            <div className="button-row">
              <button type="submit" {...form.insert.getButtonProps({ name: fields.awards.name })}>
                {t("programs.rubric.editor.awards.add")}
              </button>
            </div>
          ) : null}
        </fieldset>
      </TemplatePartForm>
    </>
  );
}
