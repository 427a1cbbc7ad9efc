import { type ApplicationRole, localize } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import type { TemplateRecord } from "@mentoring/programs";
import type { TFunction } from "i18next";
import type { FieldNamer } from "../services/route-builder.server";
import { phaseFields, templateFormValues } from "../services/template-form";

/**
 * The template editor: the template's core settings as the form's values, the tenant's departments for
 * the eligibility lists, and the parts the form does not edit yet in the reader's language.
 */
export function presentTemplateEditor(
  template: TemplateRecord,
  departments: { id: string; name: string }[],
  locale: string,
) {
  const { definition } = template;
  return {
    template: {
      id: template.id,
      name: template.name,
      currentVersion: template.currentVersion,
      currentVersionInUse: template.currentVersionInUse,
      cohorts: template.cohorts,
    },
    values: templateFormValues(definition),
    departments: departments.map(({ id, name }) => ({ value: id, label: name })),
    details: {
      questionSets: definition.questionSets.map((set) => ({
        key: set.key,
        title: localize(set.title, locale),
        phases: set.phases,
        roles: set.roles,
        questions: set.questions.map((question) => ({
          key: question.key,
          type: question.type,
          prompt: localize(question.prompt, locale),
        })),
      })),
      assignments: definition.assignments.map((assignment) => ({
        title: localize(assignment.title, locale),
        month: assignment.month,
        dueDay: assignment.dueDay,
      })),
      rubric: definition.rubric.map((criterion) => ({
        key: criterion.key,
        name: localize(criterion.name, locale),
        weight: criterion.weight,
        scaleMax: criterion.scaleMax,
      })),
      awards: definition.awards.map((award) => ({
        name: localize(award.name, locale),
        teams: award.teams,
        prize: localize(award.prize, locale),
      })),
    },
  };
}

/** A label under programs.field, by its last part. */
type FieldLabel = MessageKeyUnder<"programs.field">;

const eligibilityFields: Record<string, FieldLabel> = {
  "grade.min": "gradeMin",
  "grade.max": "gradeMax",
  "yearsOfService.min": "yearsMin",
  "yearsOfService.max": "yearsMax",
  "hireDate.from": "hireDateFrom",
  "hireDate.to": "hireDateTo",
  "birthYear.min": "birthYearMin",
  "birthYear.max": "birthYearMax",
  "departments.include": "departmentsInclude",
  "departments.exclude": "departmentsExclude",
  "positionTitles.include": "positionsInclude",
  "positionTitles.exclude": "positionsExclude",
};

const teamShapeFields: Record<string, MessageKeyUnder<"programs.field.teamShape">> = {
  "teamShape.mentors.min": "mentorsMin",
  "teamShape.mentors.max": "mentorsMax",
  "teamShape.mentees.min": "menteesMin",
  "teamShape.mentees.max": "menteesMax",
};

const certificateFields: Record<string, FieldLabel> = {
  "certificate.title": "certificateTitle",
  "certificate.body": "certificateBody",
  "certificate.signerTitle": "certificateSigner",
};

/** The label of the editor's field at exactly `path`, or null when no field has that name. */
function labelOf(path: string, t: TFunction): string | null {
  const core = (["name", "description", "kind"] as const).find((name) => name === path);
  if (core) return t(`programs.field.${core}`);
  if (teamShapeFields[path]) return t(`programs.field.teamShape.${teamShapeFields[path]}`);
  if (certificateFields[path]) return t(`programs.field.${certificateFields[path]}`);
  const phaseName = /^phases\.(\w+)$/.exec(path)?.[1];
  const phase = phaseFields.find((field) => field === phaseName);
  if (phase) return t(`programs.schedule.${phase}`);
  const role = /^roles\.(mentor|mentee)\.(.+)$/.exec(path);
  if (role) {
    // The pattern admits only an application role.
    const roleName = t(`programs.role.${role[1] as ApplicationRole}`);
    if (role[2] === "quota") return t("programs.field.quota", { role: roleName });
    const part = /^eligibility\.(.+)$/.exec(role[2] as string)?.[1];
    const label = part ? eligibilityFields[part] : undefined;
    if (label) return t(`programs.field.${label}`, { role: roleName });
  }
  return null;
}

/**
 * What a message calls the field at `path` of the template's definition: the label of that field or of
 * the nearest one above it ("…include.0" is the list "…include"), and for a part the form does not edit
 * (question sets, rubric…) the name of those parts.
 */
export const templateFieldName: FieldNamer = (path, t) => {
  const parts = path === "" ? [] : path.split(".");
  for (let length = parts.length; length > 0; length--) {
    const label = labelOf(parts.slice(0, length).join("."), t);
    if (label !== null) return label;
  }
  return t("programs.template.details");
};
