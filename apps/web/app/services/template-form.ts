import type { EligibilityRule, ScheduleField, TemplateDefinition } from "@mentoring/domain";
import { scheduleFields } from "@mentoring/domain";
import { z } from "zod";

/*
 * The template editor's form. Its field names are paths into the template's definition
 * ("teamShape.mentors.min", "roles.mentor.eligibility.grade.min"), so what saveTemplate refuses in the
 * definition comes back under the name of the field that holds it. Values stay text here: the
 * definition's own schema (in saveTemplate) judges them, every field at once and in the words the page
 * shows. Plain module, not .server: the page's form takes its constraints from the schema.
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

export const templateForm = z.object({
  name: text,
  kind: text,
  description: text,
  teamShape: z.object({ mentors: bounds, mentees: bounds }),
  roles: z.object({ mentor: roleForm, mentee: roleForm }),
  phases: z.object(
    Object.fromEntries(phaseFields.map((field) => [field, text])) as Record<PhaseField, typeof text>,
  ),
  certificate: z.object({ title: text, body: text, signerTitle: text }),
});

export type TemplateForm = z.infer<typeof templateForm>;

const shown = (value: number | undefined) => (value === undefined ? "" : String(value));

function eligibilityValues(rule: EligibilityRule): TemplateForm["roles"]["mentor"]["eligibility"] {
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

/** The form as it opens: the definition's values in its fields. */
export function templateFormValues(definition: TemplateDefinition): TemplateForm {
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
  };
}

/** An empty field is no value; anything else is read as a number (NaN when it is not one, for the schema to name). */
function numberOf(value: string | undefined): number | undefined {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? undefined : Number(trimmed);
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

function eligibilityOf(form: TemplateForm["roles"]["mentor"]["eligibility"]) {
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
 * assignments, rubric and awards the form does not edit yet. Not validated here: saveTemplate validates it.
 */
export function definitionFromForm(form: TemplateForm, current: TemplateDefinition): unknown {
  const side = (bound: { min?: string; max?: string }) => ({
    min: numberOf(bound.min),
    max: numberOf(bound.max),
  });
  const role = (name: "mentor" | "mentee") => ({
    eligibility: eligibilityOf(form.roles[name].eligibility),
    quota: numberOf(form.roles[name].quota),
  });
  return {
    ...current,
    kind: form.kind ?? "",
    name: form.name ?? "",
    description: form.description ?? "",
    teamShape: { mentors: side(form.teamShape.mentors), mentees: side(form.teamShape.mentees) },
    roles: { mentor: role("mentor"), mentee: role("mentee") },
    phases: Object.fromEntries(phaseFields.map((field) => [field, numberOf(form.phases[field])])),
    certificate: {
      title: form.certificate.title ?? "",
      body: form.certificate.body ?? "",
      signerTitle: form.certificate.signerTitle ?? "",
    },
  };
}
