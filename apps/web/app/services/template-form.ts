import type {
  EligibilityRule,
  FieldIssue,
  LocalizedText,
  RubricCriterion,
  RubricSource,
  ScheduleField,
  TemplateDefinition,
} from "@mentoring/domain";
import {
  AppError,
  programKinds,
  type RubricMetric,
  rubricMetrics,
  rubricMetricTakesTarget,
  scheduleFields,
  withSkippedPhases,
} from "@mentoring/domain";
import { z } from "zod";

/*
 * The template editor's form. Its field names are paths into the template's definition
 * ("teamShape.mentors.min", "roles.mentor.eligibility.grade.min"), so what saveTemplate refuses in the
 * definition comes back under the name of the field that holds it. Values stay text here: the
 * definition's own schema (in saveTemplate) judges them, every field at once and in the words the page
 * shows. Plain module, not .server: the page's form takes its constraints from the schema.
 *
 * Lists (the rubric's criteria and their levels, the award categories) are conform's lists:
 * "rubric[0].weight" is "rubric.0.weight" of the definition (formPath turns one into the other). A
 * criterion's source is one choice, "evaluators" or the metric it is computed from, named
 * "rubric[0].source.kind" so that a choice not on the list comes back there.
 */

const text = z.string().optional();
const bounds = z.object({ min: text, max: text });
const choices = z.array(z.string()).optional();

const eligibilityForm = z.object({
  grade: bounds,
  yearsOfService: bounds,
  hireDate: z.object({ from: text, to: text }),
  birthYear: bounds,
  departments: z.object({ include: choices, exclude: choices }),
  /** Typed as "국장, 과장". */
  positionTitles: z.object({ include: text, exclude: text }),
});

const roleForm = z.object({ quota: text, eligibility: eligibilityForm });

export type PhaseField = Exclude<ScheduleField, "recruitmentStart">;

/** The phases a template sets, in days after recruitment opens (day 0, the recruitment start). */
export const phaseFields = scheduleFields.filter(
  (field): field is PhaseField => field !== "recruitmentStart",
);

export const localizedForm = z.object({ ko: text, en: text });

const criterionForm = z.object({
  key: text,
  name: localizedForm,
  description: localizedForm,
  weight: text,
  scaleMax: text,
  levels: z.array(z.object({ score: text, label: localizedForm })).optional(),
  /** kind: "evaluators" or a metric (rubricMetrics); target: the metric's full mark, when it takes one. */
  source: z.object({ kind: text, target: text }),
});

const awardForm = z.object({
  name: localizedForm,
  teams: text,
  prize: localizedForm,
  certificateTitle: text,
});

/** A criterion's source as the form offers it: scored by evaluators, or computed from one of the metrics. */
export const sourceChoices = ["evaluators", ...rubricMetrics] as const;
export type SourceChoice = (typeof sourceChoices)[number];

export const templateForm = z.object({
  name: text,
  kind: text,
  description: text,
  /** Not on a junior board's form (it forms no teams), nor the mentee role and the certificate below. */
  teamShape: z.object({ mentors: bounds, mentees: bounds }).optional(),
  roles: z.object({ mentor: roleForm, mentee: roleForm.optional() }),
  phases: z.object(
    Object.fromEntries(phaseFields.map((field) => [field, text])) as Record<PhaseField, typeof text>,
  ),
  certificate: z.object({ title: text, body: text, signerTitle: text }).optional(),
  rubric: z.array(criterionForm).optional(),
  evaluation: z.object({
    /** A checkbox: "on" when ticked, absent otherwise (any other value is no box of this form). */
    conflictSameDepartment: z.literal("on").optional(),
    normalisation: text,
    disagreementSpread: text,
  }),
  awards: z.array(awardForm).optional(),
});

export type TemplateForm = z.infer<typeof templateForm>;

export const shown = (value: number | undefined) => (value === undefined ? "" : String(value));

type RoleForm = z.infer<typeof roleForm>;

function eligibilityValues(rule: EligibilityRule): RoleForm["eligibility"] {
  const range = (bound: { min?: number; max?: number } | undefined) => ({
    min: shown(bound?.min),
    max: shown(bound?.max),
  });
  return {
    grade: range(rule.grade),
    yearsOfService: range(rule.yearsOfService),
    hireDate: { from: rule.hireDate?.from ?? "", to: rule.hireDate?.to ?? "" },
    birthYear: range(rule.birthYear),
    departments: { include: rule.departments?.include ?? [], exclude: rule.departments?.exclude ?? [] },
    positionTitles: {
      include: (rule.positionTitles?.include ?? []).join(", "),
      exclude: (rule.positionTitles?.exclude ?? []).join(", "),
    },
  };
}

export type LocalizedForm = z.infer<typeof localizedForm>;
type CriterionForm = z.infer<typeof criterionForm>;

export const localizedValues = (value: LocalizedText | undefined): LocalizedForm => ({
  ko: value?.ko ?? "",
  en: value?.en ?? "",
});

const sourceValue = (source: RubricSource): string =>
  source.kind === "computed" ? source.metric : "evaluators";

function criterionValues(criterion: RubricCriterion): CriterionForm {
  return {
    key: criterion.key,
    name: localizedValues(criterion.name),
    description: localizedValues(criterion.description),
    weight: String(criterion.weight),
    scaleMax: String(criterion.scaleMax),
    levels: (criterion.levels ?? []).map((level) => ({
      score: String(level.score),
      label: localizedValues(level.label),
    })),
    source: {
      kind: sourceValue(criterion.source),
      target: criterion.source.kind === "computed" ? shown(criterion.source.target) : "",
    },
  };
}

/** The form's values as it opens: every part filled, those a board's page leaves out too. */
export type TemplateFormValues = Omit<TemplateForm, "teamShape" | "roles" | "certificate"> & {
  teamShape: NonNullable<TemplateForm["teamShape"]>;
  roles: { mentor: RoleForm; mentee: RoleForm };
  certificate: NonNullable<TemplateForm["certificate"]>;
};

/** The form as it opens: the definition's values in its fields. */
export function templateFormValues(definition: TemplateDefinition): TemplateFormValues {
  const role = (name: "mentor" | "mentee") => ({
    quota: shown(definition.roles[name].quota),
    eligibility: eligibilityValues(definition.roles[name].eligibility),
  });
  return {
    name: definition.name,
    kind: definition.kind,
    description: definition.description,
    teamShape: {
      mentors: { min: shown(definition.teamShape.mentors.min), max: shown(definition.teamShape.mentors.max) },
      mentees: { min: shown(definition.teamShape.mentees.min), max: shown(definition.teamShape.mentees.max) },
    },
    roles: { mentor: role("mentor"), mentee: role("mentee") },
    phases: Object.fromEntries(
      phaseFields.map((field) => [field, shown(definition.phases[field])]),
    ) as Record<PhaseField, string>,
    certificate: { ...definition.certificate },
    rubric: definition.rubric.map(criterionValues),
    evaluation: {
      conflictSameDepartment: definition.evaluation.conflictSameDepartment ? ("on" as const) : undefined,
      normalisation: definition.evaluation.normalisation,
      disagreementSpread: String(definition.evaluation.disagreementSpread),
    },
    awards: definition.awards.map((award) => ({
      name: localizedValues(award.name),
      teams: String(award.teams),
      prize: localizedValues(award.prize),
      certificateTitle: award.certificateTitle,
    })),
  };
}

/** The weights typed so far, added up (what is not a number counts for nothing): shown beside the rubric. */
export function typedWeightSum(weights: readonly (string | undefined)[]): number {
  return weights.reduce((sum, weight) => {
    const value = numberOf(weight);
    return value !== undefined && Number.isFinite(value) ? sum + value : sum;
  }, 0);
}

/** The metrics scored against a target the coordinator sets (rubricMetricTakesTarget). */
export type TargetMetric = "activities_logged" | "meeting_frequency" | "prepost_change";

export function takesTarget(metric: RubricMetric | null): metric is TargetMetric {
  return metric !== null && rubricMetricTakesTarget(metric);
}

/** The metric a source choice computes from, or null for evaluators (and for a choice not on the list). */
export function metricOf(choice: string | undefined): RubricMetric | null {
  return rubricMetrics.find((metric) => metric === choice) ?? null;
}

/** A number as people write it: digits, a decimal point, an exponent (not "0x10", "Infinity" or "1_000"). */
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** An empty field is no value; anything else is read as a number (NaN when it is not one, for the schema to name). */
export function numberOf(value: string | undefined): number | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return undefined;
  return decimal.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The object without its absent parts, or absent itself when nothing is left: an empty rule is no rule. */
function withoutEmpty<T extends Record<string, unknown>>(parts: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length === 0 ? undefined : (kept as Partial<T>);
}

const range = (bound: { min?: string; max?: string }) =>
  withoutEmpty({ min: numberOf(bound.min), max: numberOf(bound.max) });

const listOrNothing = (values: string[]) => (values.length === 0 ? undefined : values);

/** "국장, 과장": position titles as a coordinator types them (Korean commas too). */
const commaList = (value: string | undefined) =>
  (value ?? "")
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");

const chosen = (values: string[] | undefined) =>
  listOrNothing((values ?? []).filter((value) => value !== ""));

function eligibilityOf(form: RoleForm["eligibility"]) {
  const rule = {
    grade: range(form.grade),
    yearsOfService: range(form.yearsOfService),
    hireDate: withoutEmpty({
      from: form.hireDate.from?.trim() || undefined,
      to: form.hireDate.to?.trim() || undefined,
    }),
    birthYear: range(form.birthYear),
    departments: withoutEmpty({
      include: chosen(form.departments.include),
      exclude: chosen(form.departments.exclude),
    }),
    positionTitles: withoutEmpty({
      include: listOrNothing(commaList(form.positionTitles.include)),
      exclude: listOrNothing(commaList(form.positionTitles.exclude)),
    }),
  };
  return withoutEmpty(rule) ?? {};
}

/**
 * The definition the form describes: its fields over the current definition, whose question sets,
 * assignments and calendar the form does not edit. Not validated here: saveTemplate validates it.
 */
export function definitionFromForm(form: TemplateForm, current: TemplateDefinition): unknown {
  if (current.kind === "board" && carriesTeamParts(form))
    throw new AppError(
      "input.invalid",
      {},
      { fields: [{ path: "kind", message: "templateEditor.board.unusedParts", params: {} }] },
    );
  const side = (bound: { min?: string; max?: string }) => ({
    min: numberOf(bound.min),
    max: numberOf(bound.max),
  });
  const role = (settings: RoleForm) => ({
    eligibility: eligibilityOf(settings.eligibility),
    quota: numberOf(settings.quota),
  });
  // A part the form leaves out (a board's form has none of them) keeps what the template holds.
  const { teamShape, certificate } = form;
  return {
    ...current,
    kind: form.kind ?? "",
    name: form.name ?? "",
    description: form.description ?? "",
    teamShape: teamShape
      ? { mentors: side(teamShape.mentors), mentees: side(teamShape.mentees) }
      : current.teamShape,
    roles: {
      mentor: role(form.roles.mentor),
      mentee: form.roles.mentee ? role(form.roles.mentee) : current.roles.mentee,
    },
    // A board's form leaves out the phases it skips: they follow the end of recruitment.
    phases: withSkippedPhases(
      programKinds.find((known) => known === form.kind) ?? current.kind,
      Object.fromEntries(phaseFields.map((field) => [field, numberOf(form.phases[field])])),
    ),
    certificate: certificate
      ? {
          title: certificate.title ?? "",
          body: certificate.body ?? "",
          signerTitle: certificate.signerTitle ?? "",
        }
      : current.certificate,
    rubric: (form.rubric ?? []).map(criterionOf),
    evaluation: {
      conflictSameDepartment: form.evaluation.conflictSameDepartment === "on",
      normalisation: form.evaluation.normalisation ?? "",
      disagreementSpread: numberOf(form.evaluation.disagreementSpread),
    },
    awards: (form.awards ?? []).map((award) => ({
      name: localizedOf(award.name),
      teams: numberOf(award.teams),
      prize: localizedOf(award.prize),
      certificateTitle: award.certificateTitle ?? "",
    })),
  };
}

/**
 * Whether a post carries any value for what a junior board does not use (its team shape, mentee role and
 * pairing certificate). A board's editor has no such fields, so only a forged post sends them, and it is
 * refused rather than saving parts that nothing would ever use or show.
 */
function carriesTeamParts(form: TemplateForm): boolean {
  const values = (value: unknown): unknown[] =>
    value && typeof value === "object" ? Object.values(value).flatMap(values) : [value];
  return values([form.teamShape, form.roles.mentee, form.certificate]).some(
    (value) => value !== undefined && value !== "",
  );
}

/** Text in Korean and English: English left empty is none. */
export const localizedOf = (value: LocalizedForm) => ({
  ko: value.ko ?? "",
  ...(value.en?.trim() ? { en: value.en } : {}),
});

/** Optional text (a description): none when both languages are empty. */
export const optionalLocalized = (value: LocalizedForm) =>
  value.ko?.trim() || value.en?.trim() ? localizedOf(value) : undefined;

function sourceOf(source: CriterionForm["source"]) {
  const choice = source.kind ?? "";
  const metric = metricOf(choice);
  if (metric === null) return { kind: choice };
  const target = numberOf(source.target);
  return { kind: "computed", metric, ...(target === undefined ? {} : { target }) };
}

function criterionOf(criterion: CriterionForm) {
  const description = optionalLocalized(criterion.description);
  const levels = criterion.levels ?? [];
  return {
    key: criterion.key?.trim() ?? "",
    name: localizedOf(criterion.name),
    ...(description ? { description } : {}),
    weight: numberOf(criterion.weight),
    scaleMax: numberOf(criterion.scaleMax),
    ...(levels.length > 0
      ? { levels: levels.map((level) => ({ score: numberOf(level.score), label: localizedOf(level.label) })) }
      : {}),
    source: sourceOf(criterion.source),
  };
}

/** A path of the definition as the form names its field: "rubric.0.levels.1.score" → "rubric[0].levels[1].score". */
export function formPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** The refinements the definition makes of a criterion's levels once it has sorted them by score. */
const sortedLevelIssues = new Set(["programs.issue.levelAboveScale", "programs.issue.duplicateLevel"]);

/**
 * The row of the form a level's issue is about. The definition sorts a criterion's levels by score before
 * it judges them against each other and the scale, when every level was valid on its own: the nth level
 * of a sorted list came from the row that held the nth smallest score (a stable sort, as the domain's).
 */
function levelRow(issue: FieldIssue, issues: FieldIssue[], form: TemplateForm | undefined): string {
  const match = /^rubric\.(\d+)\.levels\.(\d+)(\..*)?$/.exec(issue.path);
  if (!match || !form || !sortedLevelIssues.has(issue.message)) return issue.path;
  const [, criterion, sortedIndex, rest] = match;
  const levels = `rubric.${criterion}.levels`;
  const unsorted = issues.some(
    (other) => other.path.startsWith(levels) && !sortedLevelIssues.has(other.message),
  );
  if (unsorted) return issue.path;
  const rows = (form.rubric?.[Number(criterion)]?.levels ?? [])
    .map((level, row) => ({ row, score: numberOf(level.score) ?? Number.NaN }))
    .sort((a, b) => a.score - b.score);
  const row = rows[Number(sortedIndex)]?.row ?? Number(sortedIndex);
  return `${levels}.${row}${rest ?? ""}`;
}

/**
 * A definition's refusal with each issue under the name of the form's field that holds it: lists' items in
 * conform's brackets, a level's issue on the row the coordinator typed it in (`form`, as posted).
 */
export function withFormPaths(error: AppError, form?: TemplateForm): AppError {
  const issues = error.details.fields;
  if (!issues) return error;
  const fields = issues.map((issue) => ({ ...issue, path: formPath(levelRow(issue, issues, form)) }));
  return new AppError(error.code, error.params, { ...error.details, fields });
}
