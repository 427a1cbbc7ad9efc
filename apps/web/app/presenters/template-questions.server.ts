import type { MessageKeyUnder } from "@mentoring/i18n";
import type { TemplateRecord } from "@mentoring/programs";
import type { TFunction } from "i18next";
import { LOST_CRITERIA_FIELD, questionSetsFormValues } from "../services/question-sets-form";
import type { FieldNamer } from "../services/route-builder.server";

/** The question sets editor: the template's version and whether saving makes a new one, and the sets as the form's values. */
export function presentTemplateQuestions(template: TemplateRecord) {
  return {
    template: {
      id: template.id,
      name: template.name,
      currentVersion: template.currentVersion,
      currentVersionInUse: template.currentVersionInUse,
    },
    values: questionSetsFormValues(template.definition),
  };
}

type Label = MessageKeyUnder<"templateEditor.field">;

/** A set's own fields, by their path inside the set. */
const setFields: Record<string, Label> = {
  "": "set",
  key: "setKey",
  title: "setTitleKo",
  "title.ko": "setTitleKo",
  "title.en": "setTitleEn",
  phases: "setPhases",
  roles: "setRoles",
  dimensions: "dimensions",
  questions: "questions",
};

const dimensionFields: Record<string, Label> = {
  "": "dimension",
  key: "dimensionKey",
  label: "dimensionLabelKo",
  "label.ko": "dimensionLabelKo",
  "label.en": "dimensionLabelEn",
};

const questionFields: Record<string, Label> = {
  "": "question",
  key: "questionKey",
  type: "questionType",
  prompt: "promptKo",
  "prompt.ko": "promptKo",
  "prompt.en": "promptEn",
  required: "required",
  options: "options",
  pick: "pick",
  dimension: "questionDimension",
  reversed: "reversed",
};

const optionFields: Record<string, Label> = {
  "": "option",
  key: "optionKey",
  label: "optionLabelKo",
  "label.ko": "optionLabelKo",
  "label.en": "optionLabelEn",
};

const place = (index: string | undefined) => Number(index) + 1;

/** The label of the question sets editor's field at exactly `path` (dotted), or null when none has it. */
function labelOf(path: string, t: TFunction): string | null {
  if (path === "questionSets") return t("templateEditor.questions.title");
  if (path === LOST_CRITERIA_FIELD) return t("programs.templateNav.matching");
  const option = /^questionSets\.(\d+)\.questions\.(\d+)\.options\.(\d+)(?:\.(.+))?$/.exec(path);
  if (option) {
    const label = optionFields[option[4] ?? ""];
    const numbers = { set: place(option[1]), question: place(option[2]), option: place(option[3]) };
    return label ? t(`templateEditor.field.${label}`, numbers) : null;
  }
  const question = /^questionSets\.(\d+)\.questions\.(\d+)(?:\.(.+))?$/.exec(path);
  if (question) {
    const label = questionFields[question[3] ?? ""];
    const numbers = { set: place(question[1]), question: place(question[2]) };
    return label ? t(`templateEditor.field.${label}`, numbers) : null;
  }
  const dimension = /^questionSets\.(\d+)\.dimensions\.(\d+)(?:\.(.+))?$/.exec(path);
  if (dimension) {
    const label = dimensionFields[dimension[3] ?? ""];
    const numbers = { set: place(dimension[1]), dimension: place(dimension[2]) };
    return label ? t(`templateEditor.field.${label}`, numbers) : null;
  }
  const set = /^questionSets\.(\d+)(?:\.(.+))?$/.exec(path);
  if (set) {
    const label = setFields[set[2] ?? ""];
    return label ? t(`templateEditor.field.${label}`, { set: place(set[1]) }) : null;
  }
  return null;
}

/**
 * What a message calls the field at `path` ("questionSets[0].questions[1].options" or dotted): its label
 * or that of the nearest field above it ("…phases.0" is the set's phases), else the page's own name.
 */
export const questionSetsFieldName: FieldNamer = (path, t) => {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const parts = dotted === "" ? [] : dotted.split(".");
  for (let length = parts.length; length > 0; length--) {
    const label = labelOf(parts.slice(0, length).join("."), t);
    if (label !== null) return label;
  }
  return t("templateEditor.questions.title");
};
