import type { ApplicationRole } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import type { TemplateRecord } from "@mentoring/programs";
import type { TFunction } from "i18next";
import type { FieldNamer } from "../services/route-builder.server";
import { phaseFields, templateFormValues } from "../services/template-form";

/**
 * The template editor: the template's settings, rubric, evaluation and awards as the form's values, the
 * tenant's departments for the eligibility lists, and the keys of the criteria already saved (fixed: scores
 * are kept by them).
 */
export function presentTemplateEditor(template: TemplateRecord, departments: { id: string; name: string }[]) {
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
    savedCriterionKeys: definition.rubric.map((criterion) => criterion.key),
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

const criterionFields: Record<string, MessageKeyUnder<"programs.rubric.editor.field">> = {
  "": "criterion",
  key: "key",
  name: "nameKo",
  "name.ko": "nameKo",
  "name.en": "nameEn",
  description: "descriptionKo",
  "description.ko": "descriptionKo",
  "description.en": "descriptionEn",
  weight: "weight",
  scaleMax: "scaleMax",
  levels: "levels",
  source: "source",
  "source.kind": "source",
  "source.metric": "source",
  "source.target": "target",
};

const levelFields: Record<string, MessageKeyUnder<"programs.rubric.editor.field">> = {
  "": "level",
  score: "levelScore",
  label: "levelLabelKo",
  "label.ko": "levelLabelKo",
  "label.en": "levelLabelEn",
};

const awardFields: Record<string, MessageKeyUnder<"programs.rubric.editor.awards.field">> = {
  "": "award",
  name: "nameKo",
  "name.ko": "nameKo",
  "name.en": "nameEn",
  teams: "teams",
  prize: "prizeKo",
  "prize.ko": "prizeKo",
  "prize.en": "prizeEn",
  certificateTitle: "certificateTitle",
};

const evaluationFields: Record<string, MessageKeyUnder<"programs.rubric.editor.evaluation">> = {
  evaluation: "legend",
  "evaluation.conflictSameDepartment": "conflict",
  "evaluation.normalisation": "normalisation",
  "evaluation.disagreementSpread": "disagreement",
};

/** The label of a field of the rubric, the evaluation settings or the awards at exactly `path`, or null. */
function evaluationLabelOf(path: string, t: TFunction): string | null {
  if (path === "rubric") return t("programs.rubric.editor.legend");
  if (path === "awards") return t("programs.rubric.editor.awards.legend");
  if (evaluationFields[path]) return t(`programs.rubric.editor.evaluation.${evaluationFields[path]}`);
  const level = /^rubric\.(\d+)\.levels\.(\d+)(?:\.(.+))?$/.exec(path);
  if (level) {
    const label = levelFields[level[3] ?? ""];
    const numbers = { number: Number(level[1]) + 1, level: Number(level[2]) + 1 };
    return label ? t(`programs.rubric.editor.field.${label}`, numbers) : null;
  }
  const criterion = /^rubric\.(\d+)(?:\.(.+))?$/.exec(path);
  if (criterion) {
    const label = criterionFields[criterion[2] ?? ""];
    return label ? t(`programs.rubric.editor.field.${label}`, { number: Number(criterion[1]) + 1 }) : null;
  }
  const award = /^awards\.(\d+)(?:\.(.+))?$/.exec(path);
  if (award) {
    const label = awardFields[award[2] ?? ""];
    return label ? t(`programs.rubric.editor.awards.field.${label}`, { number: Number(award[1]) + 1 }) : null;
  }
  return null;
}

/** The label of the editor's field at exactly `path`, or null when no field has that name. */
function labelOf(path: string, t: TFunction): string | null {
  const evaluation = evaluationLabelOf(path, t);
  if (evaluation !== null) return evaluation;
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
 * What a message calls the field at `path` of the template's definition (or its name in the form,
 * "rubric[0].weight"): the label of that field or of the nearest one above it ("…include.0" is the list
 * "…include"), and for a part the form does not edit (question sets, assignments) the name of those parts.
 */
export const templateFieldName: FieldNamer = (path, t) => {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const parts = dotted === "" ? [] : dotted.split(".");
  for (let length = parts.length; length > 0; length--) {
    const label = labelOf(parts.slice(0, length).join("."), t);
    if (label !== null) return label;
  }
  return t("programs.template.details");
};
