import { type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import {
  AppError,
  applicationRoles,
  DepartmentTree,
  type FieldIssue,
  monthsBeyondActivities,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "@mentoring/domain";
import { loadTemplate } from "../records/template-record";

export interface SaveTemplateResult {
  /** The current version after the save. */
  version: number;
  /** A new version was made because cohorts run on the previous one. */
  newVersion: boolean;
  /** False when the definition was the same as before: nothing was written. */
  changed: boolean;
}

/**
 * Saves a template's definition after validating it with templateDefinitionSchema; invalid input is
 * refused as input.invalid (each issue with its field) and nothing is written; so is an assignment or a
 * calendar item set in a month after the template's activities end, an eligibility rule naming a
 * department that is not one of the tenant's, and a department pair naming a code that is no department
 * of the tenant at the template's department level. A version that a cohort runs
 * on is never changed: the definition becomes version n+1 and the template's current version. An unused
 * current version is updated in place. Every change is audited with the parts that changed, before and
 * after.
 */
export async function saveTemplate(
  tx: TenantDb,
  input: {
    tenantId: string;
    templateId: string;
    definition: unknown;
    actorUserId: string | null;
    requestId?: string;
  },
): Promise<SaveTemplateResult> {
  const { tenantId, templateId, actorUserId, requestId } = input;
  const parsed = templateDefinitionSchema.safeParse(input.definition);
  if (!parsed.success) throw AppError.invalid(parsed.error);
  const definition = parsed.data;
  // Checked here, not in the schema: a definition stored before the check must still be read.
  const beyond = monthsBeyondActivities(definition);
  if (beyond.length > 0) throw new AppError("input.invalid", {}, { fields: beyond });
  const unknownDepartments = await departmentsNotOfTenant(tx, tenantId, definition);
  if (unknownDepartments.length > 0) throw new AppError("input.invalid", {}, { fields: unknownDepartments });
  const missingLevel = await departmentLevelMissing(tx, tenantId, definition);
  if (missingLevel) throw new AppError("input.invalid", {}, { fields: [missingLevel] });
  const unknownPairs = await pairDepartmentsNotAtLevel(tx, tenantId, definition);
  if (unknownPairs.length > 0) throw new AppError("input.invalid", {}, { fields: unknownPairs });

  // Two saves of one template queue here, so that both cannot make the same next version.
  await tx.$queryRaw`select 1 from program_templates where tenant_id = ${tenantId}::uuid and id = ${templateId}::uuid for update`;
  const current = await loadTemplate(tx, tenantId, templateId);
  const { before, after } = changedParts(current.definition, definition);
  if (Object.keys(after).length === 0) {
    return { version: current.currentVersion, newVersion: false, changed: false };
  }

  const json = definition as Prisma.InputJsonValue;
  const newVersion = current.currentVersionInUse;
  const version = newVersion ? current.currentVersion + 1 : current.currentVersion;
  if (newVersion) {
    await tx.programTemplateVersion.create({
      data: { tenantId, templateId, version, definition: json, createdByUserId: actorUserId },
    });
  } else {
    await tx.programTemplateVersion.updateMany({
      where: { tenantId, templateId, version },
      data: { definition: json },
    });
  }
  await tx.programTemplate.updateMany({
    where: { tenantId, id: templateId },
    data: { name: definition.name, kind: definition.kind, currentVersion: version },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "program_template.update",
    entityType: "program_template",
    entityId: templateId,
    before: { version: current.currentVersion, ...before },
    after: { version, ...after },
    requestId,
  });
  return { version, newVersion, changed: true };
}

/** The top-level parts of a definition that differ, as they were and as they are. */
function changedParts(previous: TemplateDefinition, next: TemplateDefinition) {
  const before: Record<string, Prisma.InputJsonValue> = {};
  const after: Record<string, Prisma.InputJsonValue> = {};
  for (const key of Object.keys(next) as (keyof TemplateDefinition)[]) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) {
      before[key] = previous[key] as Prisma.InputJsonValue;
      after[key] = next[key] as Prisma.InputJsonValue;
    }
  }
  return { before, after };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Matching compares departments at a division or bureau level only if the tenant's tree has one: a tree
 * of divisions straight under the city has no departments at division depth, and every comparison there
 * would quietly fall back to people's own departments.
 */
async function departmentLevelMissing(
  tx: TenantDb,
  tenantId: string,
  definition: TemplateDefinition,
): Promise<FieldIssue | null> {
  const level = definition.matching.departmentLevel;
  if (level === "team") return null;
  const departments = await tx.department.findMany({
    where: { tenantId },
    select: { id: true, parentId: true },
  });
  if (new DepartmentTree(departments).has(level)) return null;
  return {
    path: "matching.departmentLevel",
    message: level === "division" ? "programs.issue.noDivisionLevel" : "programs.issue.noBureauLevel",
    params: {},
  };
}

/** Each department list of the eligibility rules that names a department the tenant does not have. */
async function departmentsNotOfTenant(
  tx: TenantDb,
  tenantId: string,
  definition: TemplateDefinition,
): Promise<FieldIssue[]> {
  const lists = applicationRoles.flatMap((role) =>
    (["include", "exclude"] as const).map((list) => ({
      path: `roles.${role}.eligibility.departments.${list}`,
      ids: definition.roles[role].eligibility.departments?.[list] ?? [],
    })),
  );
  const named = [...new Set(lists.flatMap((list) => list.ids))].filter((id) => uuidPattern.test(id));
  const known = new Set(
    named.length === 0
      ? []
      : (await tx.department.findMany({ where: { tenantId, id: { in: named } }, select: { id: true } })).map(
          (department) => department.id,
        ),
  );
  return lists
    .filter((list) => list.ids.some((id) => !known.has(id)))
    .map((list) => ({ path: list.path, message: "programs.issue.unknownDepartment", params: {} }));
}

/**
 * Each department of a department pair that is not the code of one of the tenant's departments at the
 * template's level (as matching reads people's departments: DepartmentTree.at), at that pair's field.
 */
async function pairDepartmentsNotAtLevel(
  tx: TenantDb,
  tenantId: string,
  definition: TemplateDefinition,
): Promise<FieldIssue[]> {
  const { departmentPairs, departmentLevel } = definition.matching;
  if (departmentPairs.length === 0) return [];
  const departments = await tx.department.findMany({
    where: { tenantId },
    select: { id: true, parentId: true, code: true },
  });
  const tree = new DepartmentTree(departments);
  const codeOf = new Map(departments.map((department) => [department.id, department.code]));
  const atLevel = new Set(
    departments.map((department) => codeOf.get(tree.at(department.id, departmentLevel))),
  );
  return departmentPairs.flatMap((pair, index) =>
    (["first", "second"] as const)
      .filter((side) => !atLevel.has(pair[side]))
      .map((side) => ({
        path: `matching.departmentPairs.${index}.${side}`,
        message: "matching.pairIssue.unknownDepartment",
        params: {},
      })),
  );
}
