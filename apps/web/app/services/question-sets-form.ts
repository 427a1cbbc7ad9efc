import {
  AppError,
  type FieldIssue,
  type LocalizedText,
  type Question,
  type QuestionSet,
  type TemplateDefinition,
  templateCriterionId,
} from "@mentoring/domain";
import { z } from "zod";
import { formPath } from "./template-form";

/*
 * The question sets editor's form. As in the settings form (template-form.ts), field names are paths into
 * the template's definition ("questionSets[0].questions[2].options[1].label.ko" is
 * "questionSets.0.questions.2.options.1.label.ko"), values stay text, and saveTemplate's schema judges
 * them all at once: what it refuses comes back under the field that holds it. Plain module, not .server:
 * the page takes its constraints from the schema.
 */

const text = z.string().optional();
const choices = z.array(z.string()).optional();
/** A checkbox: "on" when ticked, absent otherwise. */
const tick = z.literal("on").optional();
const localizedForm = z.object({ ko: text, en: text });

const optionForm = z.object({ key: text, label: localizedForm });

const questionForm = z.object({
  key: text,
  type: text,
  prompt: localizedForm,
  required: tick,
  /** single, multiple, ranked: shown and sent only for those. */
  options: z.array(optionForm).optional(),
  /** multiple: the most that may be picked; ranked: how many places. */
  pick: text,
  /** A dimension of the set's own, or empty for none. */
  dimension: text,
  /** likert only. */
  reversed: tick,
});

const setForm = z.object({
  key: text,
  title: localizedForm,
  phases: choices,
  roles: choices,
  dimensions: z.array(z.object({ key: text, label: localizedForm })).optional(),
  questions: z.array(questionForm).optional(),
});

export const questionSetsForm = z.object({ questionSets: z.array(setForm).optional() });

export type QuestionSetsForm = z.infer<typeof questionSetsForm>;
export type SetForm = z.infer<typeof setForm>;
export type QuestionForm = z.infer<typeof questionForm>;

/** The question types whose answers are chosen among options. */
export const choiceTypes: readonly string[] = ["single", "multiple", "ranked"];
/** The question types that take a number of picks (multiple: at most; ranked: places). */
export const pickTypes: readonly string[] = ["multiple", "ranked"];

const localizedValues = (value: LocalizedText) => ({ ko: value.ko, en: value.en ?? "" });

function questionValues(question: Question): QuestionForm {
  return {
    key: question.key,
    type: question.type,
    prompt: localizedValues(question.prompt),
    required: question.required ? "on" : undefined,
    options: question.options.map((option) => ({ key: option.key, label: localizedValues(option.label) })),
    pick: question.pick === undefined ? "" : String(question.pick),
    dimension: question.dimension ?? "",
    reversed: question.reversed ? "on" : undefined,
  };
}

function setValues(set: QuestionSet): SetForm {
  return {
    key: set.key,
    title: localizedValues(set.title),
    phases: [...set.phases],
    roles: [...set.roles],
    dimensions: set.dimensions.map((dimension) => ({
      key: dimension.key,
      label: localizedValues(dimension.label),
    })),
    questions: set.questions.map(questionValues),
  };
}

/** The form as it opens: the definition's question sets in its fields. */
export function questionSetsFormValues(definition: TemplateDefinition): QuestionSetsForm {
  return { questionSets: definition.questionSets.map(setValues) };
}

/** Text in Korean and English: English left empty is none. */
const localizedOf = (value: { ko?: string; en?: string }) => ({
  ko: value.ko ?? "",
  ...(value.en?.trim() ? { en: value.en } : {}),
});

const keyOf = (value: string | undefined) => value?.trim() ?? "";

/** An empty field is no value; anything else a number (NaN when it is not one, for the schema to name). */
function countOf(value: string | undefined): number | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function questionOf(question: QuestionForm) {
  const type = question.type ?? "";
  const pick = pickTypes.includes(type) ? countOf(question.pick) : undefined;
  const dimension = keyOf(question.dimension);
  return {
    key: keyOf(question.key),
    type,
    prompt: localizedOf(question.prompt),
    required: question.required === "on",
    // Options typed before the type changed to one without them are not the question's.
    options: choiceTypes.includes(type)
      ? (question.options ?? []).map((option) => ({
          key: keyOf(option.key),
          label: localizedOf(option.label),
        }))
      : [],
    ...(pick === undefined ? {} : { pick }),
    // Kept whatever the type, so that a dimension on an item that is not likert is refused, not dropped.
    ...(dimension === "" ? {} : { dimension }),
    reversed: type === "likert" && question.reversed === "on",
  };
}

function setOf(set: SetForm) {
  return {
    key: keyOf(set.key),
    title: localizedOf(set.title),
    phases: (set.phases ?? []).filter((phase) => phase !== ""),
    roles: (set.roles ?? []).filter((role) => role !== ""),
    dimensions: (set.dimensions ?? []).map((dimension) => ({
      key: keyOf(dimension.key),
      label: localizedOf(dimension.label),
    })),
    questions: (set.questions ?? []).map(questionOf),
  };
}

/**
 * The definition the form describes: the current one with the form's question sets, everything else as
 * it is. Not validated here: saveTemplate validates it.
 */
export function definitionWithQuestionSets(form: QuestionSetsForm, current: TemplateDefinition): unknown {
  return { ...current, questionSets: (form.questionSets ?? []).map(setOf) };
}

/** Where a matching criterion that would lose its question is said: the page shows it above the question sets. */
export const LOST_CRITERIA_FIELD = "matching";

/**
 * A refusal of the definition with each issue under the name of the form's field that holds it. The
 * matching criteria are not on this page: every criterion whose question or dimension the change would take
 * away (or turn into one it cannot compare) is named in one message, under LOST_CRITERIA_FIELD.
 */
export function withQuestionFormPaths(error: AppError, current: TemplateDefinition): AppError {
  const issues = error.details.fields;
  if (!issues) return error;
  const lost = new Map<number, string>();
  const fields: FieldIssue[] = [];
  for (const issue of issues) {
    const criterion = /^matching\.criteria\.(\d+)(\.|$)/.exec(issue.path);
    if (!criterion) {
      fields.push({ ...issue, path: formPath(issue.path) });
      continue;
    }
    const index = Number(criterion[1]);
    const found = current.matching.criteria[index];
    if (found) lost.set(index, `${index + 1} (${templateCriterionId(found)})`);
  }
  if (lost.size > 0) {
    const criteria = [...lost.entries()].sort(([a], [b]) => a - b).map(([, name]) => name);
    fields.unshift({
      path: LOST_CRITERIA_FIELD,
      message: "templateEditor.issue.criteriaLost",
      params: { criteria: criteria.join(", "), count: criteria.length },
    });
  }
  return new AppError(error.code, error.params, { ...error.details, fields });
}
