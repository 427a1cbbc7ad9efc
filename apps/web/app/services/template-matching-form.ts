import {
  criterionFields,
  type DepartmentLevel,
  departmentLevels,
  type MatchingCriterionKind,
  matchingCriterionKinds,
  type QuestionSet,
  type TemplateCriterion,
  type TemplateDefinition,
} from "@mentoring/domain";
import { z } from "zod";
import type { MatchingRules } from "./matching-rules-text";
import { numberOf, shown } from "./template-form";

/*
 * The form of a template's matching page: the criteria (conform's list "matching.criteria") and the hard
 * rules. Field names are paths into the definition, values stay text, saveTemplate judges the result (a
 * weight that is no number, a question no pre-survey has, a department level not on the list) and its
 * refusal comes back beside the field. A criterion shows and sends only the fields its kind needs
 * (criterionFields); the subject of a survey criterion is chosen from the pre-phase sets' questions.
 */

const text = z.string().optional();
/** A checkbox: "on" when ticked, absent otherwise (any other value is no box of this form). */
const checkbox = z.literal("on").optional();

const criterionForm = z.object({
  kind: text,
  weight: text,
  id: text,
  question: text,
  dimension: text,
  mode: text,
  attribute: text,
  prefer: text,
  among: text,
  ideal: text,
  range: text,
});

export const matchingForm = z.object({
  matching: z.object({
    criteria: z.array(criterionForm).optional(),
    differentDepartment: checkbox,
    departmentLevel: text,
    mentorsFromDifferentDepartments: checkbox,
    noDirectSupervisor: checkbox,
    gradeGap: z.object({ min: text, max: text }),
    menteePreferences: checkbox,
    /** Cross-department programs: the named department pairs, by code (conform's list). */
    departmentPairs: z.array(z.object({ first: text, second: text })).optional(),
    /**
     * Sent (hidden, "on") by a page that shows the pairs editor: an emptied list then clears the pairs.
     * A form without it keeps the definition's pairs, as conform sends nothing for an empty list.
     */
    departmentPairsShown: checkbox,
  }),
});

export type MatchingForm = z.infer<typeof matchingForm>;
export type CriterionForm = z.infer<typeof criterionForm>;

/** The fields of a criterion that are numbers; the others are choices (or its free name). */
const numericFields = new Set<keyof TemplateCriterion>(["ideal", "range"]);

const ticked = (value: boolean) => (value ? ("on" as const) : undefined);

/** The form as it opens: the definition's matching section in its fields. */
export function matchingFormValues(definition: TemplateDefinition): MatchingForm {
  const { matching } = definition;
  return {
    matching: {
      criteria: matching.criteria.map((criterion) => ({
        kind: criterion.kind,
        weight: String(criterion.weight),
        id: criterion.id ?? "",
        question: criterion.question ?? "",
        dimension: criterion.dimension ?? "",
        mode: criterion.mode ?? "",
        attribute: criterion.attribute ?? "",
        prefer: criterion.prefer ?? "",
        among: criterion.among ?? "",
        ideal: shown(criterion.ideal),
        range: shown(criterion.range),
      })),
      differentDepartment: ticked(matching.differentDepartment),
      departmentLevel: matching.departmentLevel,
      mentorsFromDifferentDepartments: ticked(matching.mentorsFromDifferentDepartments),
      noDirectSupervisor: ticked(matching.noDirectSupervisor),
      gradeGap: { min: shown(matching.gradeGap?.min), max: shown(matching.gradeGap?.max) },
      menteePreferences: ticked(matching.menteePreferences),
      departmentPairs: matching.departmentPairs.map((pair) => ({ first: pair.first, second: pair.second })),
      departmentPairsShown: "on",
    },
  };
}

/** The criterion kind a form's value names, or null for a value not on the list. */
export function criterionKindOf(value: string | undefined): MatchingCriterionKind | null {
  return matchingCriterionKinds.find((kind) => kind === value) ?? null;
}

/** The fields a criterion of this kind is given in the form, beyond its kind, weight and name. */
export function fieldsOfKind(kind: MatchingCriterionKind | null): (keyof TemplateCriterion)[] {
  return kind ? criterionFields[kind] : [];
}

function criterionOf(criterion: CriterionForm) {
  const kind = criterionKindOf(criterion.kind);
  const id = criterion.id?.trim();
  const subject = Object.fromEntries(
    fieldsOfKind(kind).flatMap((field): [string, string | number | undefined][] => {
      const value = criterion[field as keyof CriterionForm];
      if (numericFields.has(field)) return [[field, numberOf(value)]];
      return value?.trim() ? [[field, value.trim()]] : [];
    }),
  );
  return {
    kind: criterion.kind ?? "",
    // Emptied, a weight is refused as missing.
    weight: numberOf(criterion.weight) ?? null,
    ...(id ? { id } : {}),
    ...subject,
  };
}

/**
 * The definition the form describes: its matching section over the current definition, whose other parts
 * this page does not edit. Not validated here: saveTemplate validates it.
 */
export function definitionFromMatchingForm(form: MatchingForm, current: TemplateDefinition): unknown {
  const rules = form.matching;
  const min = numberOf(rules.gradeGap.min);
  const max = numberOf(rules.gradeGap.max);
  return {
    ...current,
    matching: {
      criteria: (rules.criteria ?? []).map(criterionOf),
      differentDepartment: rules.differentDepartment === "on",
      departmentLevel: rules.departmentLevel ?? "",
      mentorsFromDifferentDepartments: rules.mentorsFromDifferentDepartments === "on",
      noDirectSupervisor: rules.noDirectSupervisor === "on",
      ...(min === undefined && max === undefined ? {} : { gradeGap: { min, max } }),
      menteePreferences: rules.menteePreferences === "on",
      departmentPairs:
        rules.departmentPairsShown === "on"
          ? (rules.departmentPairs ?? []).map((pair) => ({
              first: pair.first?.trim() ?? "",
              second: pair.second?.trim() ?? "",
            }))
          : current.matching.departmentPairs,
    },
  };
}

/**
 * The rules as typed so far, for the sentences beside the form: a department level not on the list is
 * read as the default, a bound that is no whole number as none.
 */
export function typedRules(form: Partial<MatchingForm["matching"]> | undefined): MatchingRules {
  const bound = (value: string | undefined) => {
    const number = numberOf(value);
    return number !== undefined && Number.isInteger(number) ? number : undefined;
  };
  const level: DepartmentLevel =
    departmentLevels.find((candidate) => candidate === form?.departmentLevel) ?? "team";
  return {
    differentDepartment: form?.differentDepartment === "on",
    departmentLevel: level,
    mentorsFromDifferentDepartments: form?.mentorsFromDifferentDepartments === "on",
    noDirectSupervisor: form?.noDirectSupervisor === "on",
    gradeGap: { min: bound(form?.gradeGap?.min), max: bound(form?.gradeGap?.max) },
    menteePreferences: form?.menteePreferences === "on",
    departmentPairs: (form?.departmentPairs ?? []).flatMap((pair) =>
      pair.first?.trim() && pair.second?.trim()
        ? [{ first: pair.first.trim(), second: pair.second.trim() }]
        : [],
    ),
  };
}

/** A question or a dimension a criterion can name: its "set.key" and how the page shows it. */
export interface SubjectChoice {
  value: string;
  set: string;
  label: string;
}

/**
 * What a criterion can be about, from the pre-phase question sets: the questions an "answer" criterion
 * compares (any but long text), those interests are read from (several picked or ranked), and the
 * diagnostics' dimensions. `localize` gives a text in the reader's language.
 */
export function subjectChoices(
  questionSets: readonly QuestionSet[],
  localize: (text: { ko: string; en?: string }) => string,
) {
  const pre = questionSets.filter((set) => set.phases.includes("pre"));
  const questions = (fits: (type: string) => boolean): SubjectChoice[] =>
    pre.flatMap((set) =>
      set.questions
        .filter((question) => fits(question.type))
        .map((question) => ({
          value: `${set.key}.${question.key}`,
          set: localize(set.title),
          label: localize(question.prompt),
        })),
    );
  return {
    answer: questions((type) => type !== "long_text"),
    interest: questions((type) => type === "multiple" || type === "ranked"),
    dimension: pre.flatMap((set) =>
      set.dimensions.map((dimension) => ({
        value: `${set.key}.${dimension.key}`,
        set: localize(set.title),
        label: localize(dimension.label),
      })),
    ),
  };
}

export type SubjectChoices = ReturnType<typeof subjectChoices>;

/** Each weight's share of all weights typed so far, in whole percent (what is not a number counts 0). */
export function weightShares(weights: readonly (string | undefined)[]): number[] {
  const values = weights.map((weight) => {
    const value = numberOf(weight);
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => (total === 0 ? 0 : Math.round((value / total) * 100)));
}
