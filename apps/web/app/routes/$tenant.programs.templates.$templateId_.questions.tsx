import {
  type FieldMetadata,
  getCollectionProps,
  getFormProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { applicationRoles, questionTypes, surveyPhases } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import { loadTemplate } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { CheckboxField, InputField, SelectField } from "../components/form-fields";
import { TemplatePageHeading, TemplateSaveOutcome } from "../components/template-page";
import { useTypedBeforeHydration } from "../components/use-typed-before-hydration";
import { presentTemplateQuestions, questionSetsFieldName } from "../presenters/template-questions.server";
import { isListEdit } from "../services/list-edit";
import {
  choiceTypes,
  definitionWithQuestionSets,
  LOST_CRITERIA_FIELD,
  pickTypes,
  type QuestionSetsForm,
  questionSetsForm,
  withQuestionFormPaths,
} from "../services/question-sets-form";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";
import { saveTemplatePart } from "../services/template-save.server";

const templateParams = z.object({ templateId: id });

/** A template's question sets as a form: to edit with programs.manage, to read with programs.view. */
export const loader = tenantLoader(
  { permission: "programs.view", params: templateParams },
  async ({ params, tenant, may, withTenant }) => {
    const template = await withTenant((db) => loadTemplate(db, tenant.id, params.templateId));
    return {
      ...presentTemplateQuestions(template),
      tenantSlug: tenant.slug,
      mayManage: may("programs.manage"),
    };
  },
);

/**
 * Saves the question sets into the current definition, everything else kept: a new version when cohorts
 * run on the current one; nothing at all when the input is bad.
 */
export const action = tenantAction(
  {
    permission: "programs.manage",
    params: templateParams,
    form: questionSetsForm,
    fieldName: questionSetsFieldName,
  },
  async ({ params, form, tenant, user, requestId, withTenant }) =>
    withTenant((db) =>
      saveTemplatePart(
        db,
        { tenantId: tenant.id, templateId: params.templateId, actorUserId: user.id, requestId },
        (current) => definitionWithQuestionSets(form, current),
        (error, current) => withQuestionFormPaths(error, current),
      ),
    ),
);

const numberInput = { inputMode: "numeric", autoComplete: "off" } as const;
const keyInput = { autoComplete: "off", spellCheck: false } as const;

type Label = MessageKeyUnder<"templateEditor.field">;
type ListMeta = FieldMetadata<unknown>;

/** What a new row holds: likert by default (most items of a diagnostic are), required, a key to change. */
const newQuestion = (number: number) => ({ key: `q${number}`, type: "likert", required: "on" });
const newSet = (number: number) => ({
  key: `survey_${number}`,
  phases: ["pre"],
  roles: [...applicationRoles],
  questions: [newQuestion(1)],
});

/** A list's own message (too few rows, keys used twice), where the page's summary links to. */
function ListError({ meta }: { meta: ListMeta }) {
  const error = meta.errors?.[0];
  if (!error) return null;
  return (
    <p id={meta.id} tabIndex={-1} className="field__error">
      <span id={meta.errorId}>{error}</span>
    </p>
  );
}

/** Several choices among a few, as checkboxes in a fieldset whose legend names the choice. */
function CheckboxGroup({
  meta,
  label,
  options,
}: {
  meta: FieldMetadata<string[] | undefined>;
  label: string;
  options: { value: string; label: string }[];
}) {
  const error = meta.errors?.[0];
  const labels = new Map(options.map((option) => [option.value, option.label]));
  const boxes = getCollectionProps(meta, {
    type: "checkbox",
    options: options.map((option) => option.value),
    ariaAttributes: false,
  });
  return (
    <fieldset id={meta.id} tabIndex={-1} aria-describedby={error ? meta.errorId : undefined}>
      <legend>{label}</legend>
      <ul className="checkbox-list">
        {boxes.map(({ key: _key, ...box }) => (
          <li key={box.value}>
            <input {...box} aria-invalid={error ? true : undefined} />{" "}
            <label htmlFor={box.id}>{labels.get(box.value)}</label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={meta.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export default function TemplateQuestions() {
  const { t } = useTranslation();
  const { template, values, tenantSlug, mayManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const refusal = isRefusal(result) ? result : undefined;
  const listEdit = isListEdit(result) ? result : undefined;
  const saved = result && !isRefusal(result) && !listEdit ? result : undefined;
  // conform keeps a refusal's messages until another result replaces them: a save clears them.
  const lastResult = useMemo<SubmissionResult<string[]> | undefined>(
    () => refusal ?? listEdit ?? (saved ? { status: "success" } : undefined),
    [refusal, listEdit, saved],
  );
  const [form, fields] = useForm<QuestionSetsForm>({
    id: "questions",
    lastResult,
    constraint: getZodConstraint(questionSetsForm),
    defaultValue: values,
  });
  useTypedBeforeHydration(form.id);
  const sets = fields.questionSets.getFieldList();
  const lostCriteria = refusal?.error?.[LOST_CRITERIA_FIELD]?.[0];

  const removeButton = (name: string, index: number, text: string) =>
    mayManage ? (
      <button type="submit" {...form.remove.getButtonProps({ name, index })}>
        {text}
      </button>
    ) : null;

  const moveButtons = (name: string, index: number, count: number, up: string, down: string) =>
    mayManage ? (
      <>
        {index > 0 ? (
          <button type="submit" {...form.reorder.getButtonProps({ name, from: index, to: index - 1 })}>
            {up}
          </button>
        ) : null}
        {index < count - 1 ? (
          <button type="submit" {...form.reorder.getButtonProps({ name, from: index, to: index + 1 })}>
            {down}
          </button>
        ) : null}
      </>
    ) : null;

  const setFieldset = (set: (typeof sets)[number], setIndex: number) => {
    const field = set.getFieldset();
    const title = field.title.getFieldset();
    const dimensions = field.dimensions.getFieldList();
    const questions = field.questions.getFieldList();
    const numbers = { set: setIndex + 1 };
    const label = (key: Label) => t(`templateEditor.field.${key}`, numbers);
    // The set's dimensions as typed so far: what its likert items can score.
    const dimensionChoices = dimensions.flatMap((dimension) => {
      const { key, label: name } = dimension.getFieldset();
      const value = key.value?.trim() ?? "";
      const text = name.getFieldset().ko.value?.trim();
      return value === "" ? [] : [{ value, label: text ? `${text} (${value})` : value }];
    });

    const questionFieldset = (question: (typeof questions)[number], index: number) => {
      const q = question.getFieldset();
      const prompt = q.prompt.getFieldset();
      const options = q.options.getFieldList();
      const type = q.type.value ?? "";
      const questionNumbers = { ...numbers, question: index + 1 };
      const qLabel = (key: Label) => t(`templateEditor.field.${key}`, questionNumbers);
      const dimension = q.dimension.value?.trim() ?? "";
      // A dimension renamed or removed since: still shown, so that saving says it is gone.
      const stale =
        dimension !== "" && !dimensionChoices.some((choice) => choice.value === dimension)
          ? [{ value: dimension, label: t("templateEditor.questions.missingDimension", { key: dimension }) }]
          : [];
      // Likert items of a set with dimensions may score one; any other item shows one only to be told it may not.
      const scored = (type === "likert" && dimensionChoices.length > 0) || dimension !== "";
      return (
        <fieldset key={question.key} className="card question-editor">
          <legend>{qLabel("question")}</legend>
          <div className="field-grid">
            <InputField meta={q.key} label={qLabel("questionKey")} {...keyInput} />
            <SelectField
              meta={q.type}
              label={qLabel("questionType")}
              options={questionTypes.map((choice) => ({
                value: choice,
                label: t(`programs.template.questionType.${choice}`),
              }))}
            />
          </div>
          <div className="field-grid">
            <InputField meta={prompt.ko} label={qLabel("promptKo")} />
            <InputField meta={prompt.en} label={qLabel("promptEn")} />
          </div>
          <CheckboxField meta={q.required} label={qLabel("required")} />
          {choiceTypes.includes(type) ? (
            <fieldset aria-describedby={q.options.errors ? q.options.errorId : undefined}>
              <legend>{qLabel("options")}</legend>
              <p className="field__hint">{t("templateEditor.questions.optionsHint")}</p>
              <ListError meta={q.options} />
              {options.map((option, optionIndex) => {
                const o = option.getFieldset();
                const name = o.label.getFieldset();
                const optionNumbers = { ...questionNumbers, option: optionIndex + 1 };
                const oLabel = (key: Label) => t(`templateEditor.field.${key}`, optionNumbers);
                return (
                  <div key={option.key} className="field-grid option-row">
                    <InputField meta={o.key} label={oLabel("optionKey")} {...keyInput} />
                    <InputField meta={name.ko} label={oLabel("optionLabelKo")} />
                    <InputField meta={name.en} label={oLabel("optionLabelEn")} />
                    {mayManage ? (
                      <div className="button-row">
                        {removeButton(
                          q.options.name,
                          optionIndex,
                          t("templateEditor.questions.removeOption", optionNumbers),
                        )}
                      </div>
                    ) : null}
                  </div>
                );
              })}
              {mayManage ? (
                <div className="button-row">
                  <button
                    type="submit"
                    {...form.insert.getButtonProps({
                      name: q.options.name,
                      defaultValue: { key: `option_${options.length + 1}` },
                    })}
                  >
                    {t("templateEditor.questions.addOption", questionNumbers)}
                  </button>
                </div>
              ) : null}
            </fieldset>
          ) : null}
          {pickTypes.includes(type) ? (
            <InputField
              meta={q.pick}
              label={qLabel("pick")}
              hint={t(
                type === "ranked"
                  ? "templateEditor.questions.pickHintRanked"
                  : "templateEditor.questions.pickHintMultiple",
              )}
              {...numberInput}
            />
          ) : null}
          {scored ? (
            <SelectField
              meta={q.dimension}
              label={qLabel("questionDimension")}
              hint={t("templateEditor.questions.dimensionHint")}
              placeholder={t("templateEditor.questions.noDimension")}
              options={[...dimensionChoices, ...stale]}
            />
          ) : null}
          {scored && type === "likert" ? (
            <CheckboxField meta={q.reversed} label={qLabel("reversed")} />
          ) : null}
          {mayManage ? (
            <div className="button-row">
              {moveButtons(
                field.questions.name,
                index,
                questions.length,
                t("templateEditor.questions.moveQuestionUp", questionNumbers),
                t("templateEditor.questions.moveQuestionDown", questionNumbers),
              )}
              {removeButton(
                field.questions.name,
                index,
                t("templateEditor.questions.removeQuestion", questionNumbers),
              )}
            </div>
          ) : null}
        </fieldset>
      );
    };

    return (
      <fieldset key={set.key} className="question-set-editor">
        <legend>{t("templateEditor.questions.set", numbers)}</legend>
        <div className="field-grid">
          <InputField meta={field.key} label={label("setKey")} {...keyInput} />
          <InputField meta={title.ko} label={label("setTitleKo")} />
          <InputField meta={title.en} label={label("setTitleEn")} />
        </div>
        <div className="field-grid">
          <CheckboxGroup
            meta={field.phases}
            label={label("setPhases")}
            options={surveyPhases.map((phase) => ({
              value: phase,
              label: t(`programs.template.phase.${phase}`),
            }))}
          />
          <CheckboxGroup
            meta={field.roles}
            label={label("setRoles")}
            options={applicationRoles.map((role) => ({ value: role, label: t(`programs.role.${role}`) }))}
          />
        </div>
        <fieldset aria-describedby={field.dimensions.errors ? field.dimensions.errorId : undefined}>
          <legend>{label("dimensions")}</legend>
          <p className="field__hint">{t("templateEditor.questions.dimensionsHint")}</p>
          <ListError meta={field.dimensions} />
          {dimensions.map((dimension, dimensionIndex) => {
            const d = dimension.getFieldset();
            const name = d.label.getFieldset();
            const dimensionNumbers = { ...numbers, dimension: dimensionIndex + 1 };
            const dLabel = (key: Label) => t(`templateEditor.field.${key}`, dimensionNumbers);
            return (
              <div key={dimension.key} className="field-grid option-row">
                <InputField meta={d.key} label={dLabel("dimensionKey")} {...keyInput} />
                <InputField meta={name.ko} label={dLabel("dimensionLabelKo")} />
                <InputField meta={name.en} label={dLabel("dimensionLabelEn")} />
                {mayManage ? (
                  <div className="button-row">
                    {removeButton(
                      field.dimensions.name,
                      dimensionIndex,
                      t("templateEditor.questions.removeDimension", dimensionNumbers),
                    )}
                  </div>
                ) : null}
              </div>
            );
          })}
          {mayManage ? (
            <div className="button-row">
              <button
                type="submit"
                {...form.insert.getButtonProps({
                  name: field.dimensions.name,
                  defaultValue: { key: `dimension_${dimensions.length + 1}` },
                })}
              >
                {t("templateEditor.questions.addDimension", numbers)}
              </button>
            </div>
          ) : null}
        </fieldset>
        <ListError meta={field.questions} />
        {questions.map(questionFieldset)}
        {mayManage ? (
          <div className="button-row">
            <button
              type="submit"
              {...form.insert.getButtonProps({
                name: field.questions.name,
                defaultValue: newQuestion(questions.length + 1),
              })}
            >
              {t("templateEditor.questions.addQuestion", numbers)}
            </button>
          </div>
        ) : null}
        {mayManage ? (
          <div className="button-row">
            {moveButtons(
              fields.questionSets.name,
              setIndex,
              sets.length,
              t("templateEditor.questions.moveSetUp", numbers),
              t("templateEditor.questions.moveSetDown", numbers),
            )}
            {removeButton(
              fields.questionSets.name,
              setIndex,
              t("templateEditor.questions.removeSet", numbers),
            )}
          </div>
        ) : null}
      </fieldset>
    );
  };

  return (
    <>
      <TemplatePageHeading
        title="templateEditor.questions.title"
        tenantSlug={tenantSlug}
        template={template}
      />
      <p>{t("templateEditor.questions.intro")}</p>
      <ul className="field__hint">
        <li>{t("templateEditor.questions.scoringHint")}</li>
        <li>{t("templateEditor.questions.keyHint")}</li>
      </ul>
      <TemplateSaveOutcome saved={saved} refusal={refusal} form={form} mayManage={mayManage} />

      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <fieldset disabled={!mayManage} className="form-frame">
          <legend className="visually-hidden">{t("templateEditor.questions.title")}</legend>
          {/* Enter in a field saves, rather than pressing the first "add" button below. */}
          {mayManage ? (
            <button type="submit" hidden>
              {t("templateEditor.questions.save")}
            </button>
          ) : null}
          {lostCriteria ? (
            <p id={`${form.id}-${LOST_CRITERIA_FIELD}`} tabIndex={-1} className="field__error">
              {lostCriteria}
            </p>
          ) : null}
          <ListError meta={fields.questionSets} />
          {sets.length === 0 ? <p>{t("templateEditor.questions.none")}</p> : null}
          {sets.map(setFieldset)}
          {mayManage ? (
            <div className="button-row">
              <button
                type="submit"
                {...form.insert.getButtonProps({
                  name: fields.questionSets.name,
                  defaultValue: newSet(sets.length + 1),
                })}
              >
                {t("templateEditor.questions.addSet")}
              </button>
            </div>
          ) : null}
          {mayManage ? (
            <button type="submit" className="button-primary" disabled={saving}>
              {t("templateEditor.questions.save")}
            </button>
          ) : null}
        </fieldset>
      </Form>
    </>
  );
}
