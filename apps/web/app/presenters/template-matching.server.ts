import type { TenantDb } from "@mentoring/db";
import { type DepartmentLevel, DepartmentTree, localize } from "@mentoring/domain";
import type { MessageKeyUnder } from "@mentoring/i18n";
import type { TemplateRecord } from "@mentoring/programs";
import type { TFunction } from "i18next";
import type { FieldNamer } from "../services/route-builder.server";
import { matchingFormValues, subjectChoices } from "../services/template-matching-form";

/**
 * A template's matching page: its criteria and rules as the form's values, and what a criterion can be
 * about (the pre-phase surveys' questions and the diagnostics' dimensions) in the reader's language.
 */
export function presentTemplateMatching(template: TemplateRecord, locale: string) {
  const { definition } = template;
  return {
    template: {
      id: template.id,
      name: template.name,
      currentVersion: template.currentVersion,
      currentVersionInUse: template.currentVersionInUse,
    },
    values: matchingFormValues(definition),
    subjects: subjectChoices(definition.questionSets, (text) => localize(text, locale)),
  };
}

/**
 * The departments a cross-department template's pairs can name: the tenant's departments as matching reads
 * people's at `level` (DepartmentTree.at), by code, named "name (code)", in name order.
 */
export async function pairDepartmentChoices(
  db: TenantDb,
  tenantId: string,
  level: DepartmentLevel,
): Promise<{ value: string; label: string }[]> {
  const departments = await db.department.findMany({
    where: { tenantId },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { id: true, parentId: true, code: true, name: true },
  });
  const tree = new DepartmentTree(departments);
  const atLevel = new Set(departments.map((department) => tree.at(department.id, level)));
  return departments
    .filter((department) => atLevel.has(department.id))
    .map((department) => ({ value: department.code, label: `${department.name} (${department.code})` }));
}

const criterionFields: Record<string, MessageKeyUnder<"templateDesign.matching.criteria.field">> = {
  "": "item",
  kind: "kind",
  weight: "weight",
  id: "id",
  question: "question",
  dimension: "dimension",
  mode: "mode",
  attribute: "attribute",
  prefer: "prefer",
  among: "among",
  ideal: "ideal",
  range: "range",
};

const ruleFields: Record<string, MessageKeyUnder<"templateDesign.matching.rules">> = {
  "matching.differentDepartment": "differentDepartment",
  "matching.departmentLevel": "departmentLevel",
  "matching.mentorsFromDifferentDepartments": "mentorsFromDifferentDepartments",
  "matching.noDirectSupervisor": "noDirectSupervisor",
  "matching.gradeGap": "gradeGap",
  "matching.gradeGap.min": "gradeGapMin",
  "matching.gradeGap.max": "gradeGapMax",
  "matching.menteePreferences": "menteePreferences",
};

function labelOf(path: string, t: TFunction): string | null {
  if (path === "matching" || path === "matching.criteria")
    return t("templateDesign.matching.criteria.legend");
  if (ruleFields[path]) return t(`templateDesign.matching.rules.${ruleFields[path]}`);
  if (path === "matching.departmentPairs") return t("matching.pairsEditor.legend");
  const pair = /^matching\.departmentPairs\.(\d+)(?:\.(first|second))?$/.exec(path);
  if (pair)
    return t(pair[2] === "first" ? "matching.pairsEditor.first" : "matching.pairsEditor.second", {
      number: Number(pair[1]) + 1,
    });
  const criterion = /^matching\.criteria\.(\d+)(?:\.(.+))?$/.exec(path);
  if (criterion) {
    const label = criterionFields[criterion[2] ?? ""];
    const number = Number(criterion[1]) + 1;
    return label ? t(`templateDesign.matching.criteria.field.${label}`, { number }) : null;
  }
  return null;
}

/**
 * What a message calls the field at `path` ("matching.criteria.0.weight" or the form's
 * "matching.criteria[0].weight"): the label of that field or of the nearest one above it; parts of the
 * definition this page does not edit are named by the settings page's heading.
 */
export const templateMatchingFieldName: FieldNamer = (path, t) => {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const parts = dotted === "" ? [] : dotted.split(".");
  for (let length = parts.length; length > 0; length--) {
    const label = labelOf(parts.slice(0, length).join("."), t);
    if (label !== null) return label;
  }
  return t("programs.templateNav.settings");
};
