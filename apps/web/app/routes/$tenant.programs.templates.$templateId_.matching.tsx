import { departmentLevels, matchingCriterionKinds } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import { loadTemplate } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DepartmentPairsEditor } from "../components/department-pairs-editor";
import { CheckboxField, InputField, SelectField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { TemplatePageHeading, TemplatePartForm, useTemplatePartForm } from "../components/template-page";
import {
  pairDepartmentChoices,
  presentTemplateMatching,
  templateMatchingFieldName,
} from "../presenters/template-matching.server";
import { matchingRuleSentences } from "../services/matching-rules-text";
import { tenantLoader } from "../services/route-builder.server";
import {
  criterionKindOf,
  definitionFromMatchingForm,
  fieldsOfKind,
  type MatchingForm,
  matchingForm,
  type SubjectChoice,
  typedRules,
  weightShares,
} from "../services/template-matching-form";
import { templateParams, templatePartAction } from "../services/template-save.server";

export const handle = pageTitle("templateDesign.matching.title");

/** A template's matching criteria and rules as a form. */
export const loader = tenantLoader(
  { permission: "programs.view", params: templateParams },
  async ({ params, tenant, locale, may, withTenant }) => {
    const { template, pairDepartments } = await withTenant(async (db) => {
      const template = await loadTemplate(db, tenant.id, params.templateId);
      const { kind, matching } = template.definition;
      // Only a cross-department program names department pairs (program-template.ts refuses them elsewhere).
      const pairDepartments =
        kind === "cross_department"
          ? await pairDepartmentChoices(db, tenant.id, matching.departmentLevel)
          : null;
      return { template, pairDepartments };
    });
    return {
      ...presentTemplateMatching(template, locale),
      pairDepartments,
      tenantSlug: tenant.slug,
      mayManage: may("programs.manage"),
    };
  },
);

/** Saves the form: a new version when cohorts run on the current one; nothing at all when the input is bad. */
export const action = templatePartAction({
  form: matchingForm,
  fieldName: templateMatchingFieldName,
  change: definitionFromMatchingForm,
});

const numberInput = { inputMode: "decimal", autoComplete: "off" } as const;
const attributes = ["department", "office", "position", "grade"] as const;
/** attribute compares directory facts alike or not; grades are compared by grade_gap. */
const pairAttributes = ["department", "office", "position"] as const;

export default function TemplateMatching() {
  const { t } = useTranslation();
  const { template, values, subjects, tenantSlug, mayManage, pairDepartments } =
    useLoaderData<typeof loader>();
  const { form, fields, refusal, saved } = useTemplatePartForm<MatchingForm>({
    id: "template-matching",
    schema: matchingForm,
    defaultValue: values,
  });
  const matching = fields.matching.getFieldset();
  const criteria = matching.criteria.getFieldList();
  const gradeGap = matching.gradeGap.getFieldset();
  // Each criterion's share of the weights typed so far, and the rules as ticked so far, kept up to date.
  const shares = weightShares(criteria.map((criterion) => criterion.getFieldset().weight.value));
  const sentences = matchingRuleSentences(
    typedRules({
      differentDepartment: matching.differentDepartment.value as "on" | undefined,
      departmentLevel: matching.departmentLevel.value,
      mentorsFromDifferentDepartments: matching.mentorsFromDifferentDepartments.value as "on" | undefined,
      noDirectSupervisor: matching.noDirectSupervisor.value as "on" | undefined,
      gradeGap: { min: gradeGap.min.value, max: gradeGap.max.value },
      menteePreferences: matching.menteePreferences.value as "on" | undefined,
      departmentPairs: pairDepartments
        ? matching.departmentPairs.getFieldList().map((pair) => pair.value ?? {})
        : [],
    }),
    t,
  );

  /** A subject's choices, with the current value kept (and marked) when no pre-survey has it any more. */
  const subjectOptions = (choices: SubjectChoice[], current: string | undefined) => {
    const options = choices.map((choice) => ({
      value: choice.value,
      label: `${choice.set}: ${choice.label}`,
    }));
    return current && !choices.some((choice) => choice.value === current)
      ? [
          ...options,
          { value: current, label: t("templateDesign.matching.criteria.missingSubject", { key: current }) },
        ]
      : options;
  };

  const criterionFieldset = (criterion: (typeof criteria)[number], index: number) => {
    const field = criterion.getFieldset();
    const number = index + 1;
    const label = (key: MessageKeyUnder<"templateDesign.matching.criteria.field">) =>
      t(`templateDesign.matching.criteria.field.${key}`, { number });
    const kind = criterionKindOf(field.kind.value);
    const shown = new Set(fieldsOfKind(kind));
    const item = t("templateDesign.matching.criteria.item", { number });
    const share = shares[index] ?? 0;
    const choose = t("templateDesign.matching.criteria.choose");
    return (
      <fieldset key={criterion.key} className="card" data-testid="criterion">
        <legend>{label("item")}</legend>
        <div className="field-grid">
          <SelectField
            meta={field.kind}
            label={label("kind")}
            options={matchingCriterionKinds.map((value) => ({
              value,
              label: t(`matching.criterion.${value}`),
            }))}
          />
          <InputField meta={field.weight} label={label("weight")} {...numberInput} />
          <div className="weight-share">
            <meter
              min={0}
              max={100}
              value={share}
              aria-label={t("templateDesign.matching.criteria.shareLabel", { number })}
            />{" "}
            <span data-testid="criterion-share">
              {t("templateDesign.matching.criteria.share", { share })}
            </span>
          </div>
        </div>
        <div className="field-grid">
          {shown.has("question") ? (
            <SelectField
              meta={field.question}
              label={label("question")}
              hint={
                (kind === "interest_overlap" ? subjects.interest : subjects.answer).length === 0
                  ? t("templateDesign.matching.criteria.noQuestions")
                  : undefined
              }
              placeholder={choose}
              options={subjectOptions(
                kind === "interest_overlap" ? subjects.interest : subjects.answer,
                field.question.value,
              )}
            />
          ) : null}
          {shown.has("dimension") ? (
            <SelectField
              meta={field.dimension}
              label={label("dimension")}
              hint={
                subjects.dimension.length === 0
                  ? t("templateDesign.matching.criteria.noDimensions")
                  : undefined
              }
              placeholder={choose}
              options={subjectOptions(subjects.dimension, field.dimension.value)}
            />
          ) : null}
          {shown.has("mode") ? (
            <SelectField
              meta={field.mode}
              label={label("mode")}
              placeholder={choose}
              options={(["similar", "complementary"] as const).map((mode) => ({
                value: mode,
                label: t(`templateDesign.matching.criteria.mode.${mode}`),
              }))}
            />
          ) : null}
          {shown.has("attribute") ? (
            <SelectField
              meta={field.attribute}
              label={label("attribute")}
              placeholder={choose}
              options={(kind === "attribute" ? pairAttributes : attributes).map((attribute) => ({
                value: attribute,
                label: t(`matching.attribute.${attribute}`),
              }))}
            />
          ) : null}
          {shown.has("prefer") ? (
            <SelectField
              meta={field.prefer}
              label={label("prefer")}
              placeholder={choose}
              options={(["same", "different"] as const).map((prefer) => ({
                value: prefer,
                label: t(`templateDesign.matching.criteria.prefer.${prefer}`),
              }))}
            />
          ) : null}
          {shown.has("among") ? (
            <SelectField
              meta={field.among}
              label={label("among")}
              placeholder={choose}
              options={(["mentors", "mentees"] as const).map((among) => ({
                value: among,
                label: t(`templateDesign.matching.criteria.among.${among}`),
              }))}
            />
          ) : null}
          {shown.has("ideal") ? (
            <InputField
              meta={field.ideal}
              label={label("ideal")}
              hint={t("templateDesign.matching.criteria.idealHint")}
              {...numberInput}
            />
          ) : null}
          {shown.has("range") ? (
            <InputField
              meta={field.range}
              label={label("range")}
              hint={t("templateDesign.matching.criteria.rangeHint")}
              {...numberInput}
            />
          ) : null}
          <InputField
            meta={field.id}
            label={label("id")}
            hint={t("templateDesign.matching.criteria.idHint")}
            autoComplete="off"
          />
        </div>
        {mayManage ? (
          <div className="button-row">
            {index > 0 ? (
              <button
                type="submit"
                {...form.reorder.getButtonProps({ name: matching.criteria.name, from: index, to: index - 1 })}
              >
                {t("templateDesign.list.moveUp", { item })}
              </button>
            ) : null}
            {index < criteria.length - 1 ? (
              <button
                type="submit"
                {...form.reorder.getButtonProps({ name: matching.criteria.name, from: index, to: index + 1 })}
              >
                {t("templateDesign.list.moveDown", { item })}
              </button>
            ) : null}
            <button type="submit" {...form.remove.getButtonProps({ name: matching.criteria.name, index })}>
              {t("templateDesign.list.remove", { item })}
            </button>
          </div>
        ) : null}
      </fieldset>
    );
  };

  return (
    <>
      <TemplatePageHeading
        title="templateDesign.matching.title"
        tenantSlug={tenantSlug}
        template={template}
      />
      <p>{t("templateDesign.matching.intro")}</p>
      <TemplatePartForm
        form={form}
        title={t("templateDesign.matching.title")}
        save={t("templateDesign.matching.save")}
        mayManage={mayManage}
        refusal={refusal}
        saved={saved}
      >
        <fieldset>
          <legend>{t("templateDesign.matching.criteria.legend")}</legend>
          <p className="field__hint">{t("templateDesign.matching.criteria.hint")}</p>
          {matching.criteria.errors?.[0] ? (
            <p id={matching.criteria.errorId} className="field__error">
              {matching.criteria.errors[0]}
            </p>
          ) : null}
          {criteria.length === 0 ? <p>{t("templateDesign.matching.criteria.none")}</p> : null}
          {criteria.map(criterionFieldset)}
          {mayManage ? (
            <div className="button-row">
              <button
                type="submit"
                {...form.insert.getButtonProps({
                  name: matching.criteria.name,
                  defaultValue: {
                    kind: "attribute",
                    weight: "1",
                    attribute: "department",
                    prefer: "different",
                  },
                })}
              >
                {t("templateDesign.matching.criteria.add")}
              </button>
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t("templateDesign.matching.rules.legend")}</legend>
          <p className="field__hint">{t("templateDesign.matching.rules.hint")}</p>
          <CheckboxField
            meta={matching.differentDepartment}
            label={t("templateDesign.matching.rules.differentDepartment")}
          />
          <CheckboxField
            meta={matching.mentorsFromDifferentDepartments}
            label={t("templateDesign.matching.rules.mentorsFromDifferentDepartments")}
          />
          <div className="narrow-field">
            <SelectField
              meta={matching.departmentLevel}
              label={t("templateDesign.matching.rules.departmentLevel")}
              hint={t("templateDesign.matching.rules.departmentLevelHint")}
              options={departmentLevels.map((level) => ({
                value: level,
                label: t(`templateDesign.matching.rules.level.${level}`),
              }))}
            />
          </div>
          <CheckboxField
            meta={matching.noDirectSupervisor}
            label={t("templateDesign.matching.rules.noDirectSupervisor")}
          />
          <fieldset>
            <legend>{t("templateDesign.matching.rules.gradeGap")}</legend>
            <p className="field__hint">{t("templateDesign.matching.rules.gradeGapHint")}</p>
            <div className="field-grid">
              <InputField
                meta={gradeGap.min}
                label={t("templateDesign.matching.rules.gradeGapMin")}
                {...numberInput}
              />
              <InputField
                meta={gradeGap.max}
                label={t("templateDesign.matching.rules.gradeGapMax")}
                {...numberInput}
              />
            </div>
          </fieldset>
          <CheckboxField
            meta={matching.menteePreferences}
            label={t("templateDesign.matching.rules.menteePreferences")}
            hint={t("templateDesign.matching.rules.menteePreferencesHint")}
          />
          {pairDepartments ? (
            <DepartmentPairsEditor
              form={form}
              meta={matching.departmentPairs}
              shown={matching.departmentPairsShown}
              departments={pairDepartments}
              mayManage={mayManage}
            />
          ) : null}
          <section aria-labelledby="rules-summary" className="card">
            <h2 id="rules-summary">{t("templateDesign.matching.rules.summary")}</h2>
            <ul data-testid="rule-sentences" aria-live="polite">
              {sentences.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </section>
        </fieldset>
      </TemplatePartForm>
    </>
  );
}
