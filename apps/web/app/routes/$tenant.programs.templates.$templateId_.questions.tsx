import { type FieldMetadata, type FormMetadata, getCollectionProps } from "@conform-to/react";
import { applicationRoles, questionTypes, surveyPhases } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import { loadTemplate } from "@mentoring/programs";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, InputField, SelectField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { TemplatePageHeading, TemplatePartForm, useTemplatePartForm } from "../components/template-page";
import { presentTemplateQuestions, questionSetsFieldName } from "../presenters/template-questions.server";
import {
  choiceTypes,
  definitionWithQuestionSets,
  LOST_CRITERIA_FIELD,
  pickTypes,
  type QuestionSetsForm,
  questionSetsForm,
  withQuestionFormPaths,
} from "../services/question-sets-form";
import { tenantLoader } from "../services/route-builder.server";
import { templateParams, templatePartAction } from "../services/template-save.server";

export const handle = pageTitle("templateEditor.questions.title");

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
export const action = templatePartAction({
  form: questionSetsForm,
  fieldName: questionSetsFieldName,
  change: definitionWithQuestionSets,
  toFormPaths: withQuestionFormPaths,
});

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

/**
 * A question's choices or a set's diagnostic dimensions: rows of a key with a Korean and an English name,
 * each removable, and a button that adds one with a key to change.
 */
function KeyedLabels({
  item,
  list,
  numbers,
  form,
  mayManage,
}: {
  item: "option" | "dimension";
  list: FieldMetadata<{ key?: string; label?: { ko?: string; en?: string } }[] | undefined>;
  /** The set's number, and the question's for a choice, as the labels name them. */
  numbers: { set: number; question?: number };
  form: FormMetadata<QuestionSetsForm, string[]>;
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const rows = list.getFieldList();
  const texts = {
    option: {
      legend: "options",
      hint: "templateEditor.questions.optionsHint",
      add: "templateEditor.questions.addOption",
      remove: "templateEditor.questions.removeOption",
    },
    dimension: {
      legend: "dimensions",
      hint: "templateEditor.questions.dimensionsHint",
      add: "templateEditor.questions.addDimension",
      remove: "templateEditor.questions.removeDimension",
    },
  } as const;
  const text = texts[item];
  return (
    <fieldset aria-describedby={list.errors ? list.errorId : undefined}>
      <legend>{t(`templateEditor.field.${text.legend}`, numbers)}</legend>
      <p className="field__hint">{t(text.hint)}</p>
      <ListError meta={list} />
      {rows.map((row, index) => {
        const { key, label } = row.getFieldset();
        const name = label.getFieldset();
        const rowNumbers = { ...numbers, [item]: index + 1 };
        return (
          <div key={row.key} className="field-grid option-row">
            <InputField meta={key} label={t(`templateEditor.field.${item}Key`, rowNumbers)} {...keyInput} />
            <InputField meta={name.ko} label={t(`templateEditor.field.${item}LabelKo`, rowNumbers)} />
            <InputField meta={name.en} label={t(`templateEditor.field.${item}LabelEn`, rowNumbers)} />
            {mayManage ? (
              <div className="button-row">
                <button type="submit" {...form.remove.getButtonProps({ name: list.name, index })}>
                  {t(text.remove, rowNumbers)}
                </button>
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
              name: list.name,
              defaultValue: { key: `${item}_${rows.length + 1}` },
            })}
          >
            {t(text.add, numbers)}
          </button>
        </div>
      ) : null}
    </fieldset>
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
  const { form, fields, refusal, saved } = useTemplatePartForm<QuestionSetsForm>({
    id: "questions",
    schema: questionSetsForm,
    defaultValue: values,
  });
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
            <KeyedLabels
              item="option"
              list={q.options}
              numbers={questionNumbers}
              form={form}
              mayManage={mayManage}
            />
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
        <KeyedLabels
          item="dimension"
          list={field.dimensions}
          numbers={numbers}
          form={form}
          mayManage={mayManage}
        />
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
      <TemplatePartForm
        form={form}
        title={t("templateEditor.questions.title")}
        save={t("templateEditor.questions.save")}
        mayManage={mayManage}
        refusal={refusal}
        saved={saved}
      >
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
      </TemplatePartForm>
    </>
  );
}
