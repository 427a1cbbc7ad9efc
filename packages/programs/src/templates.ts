import { type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import {
  type BuiltinTemplateKey,
  builtinTemplate,
  type ProgramKind,
  type TeamShape,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "@mentoring/domain";
import type { ZodError } from "zod";
import { ProgramError } from "./errors";

/** A tenant's template as the programs page lists it. */
export interface TemplateSummary {
  id: string;
  name: string;
  kind: ProgramKind;
  builtinKey: string | null;
  currentVersion: number;
  teamShape: TeamShape;
  /** Cohorts run on any version of it. */
  cohorts: number;
}

/** The tenant's templates (not archived), oldest first, with the shape of their current version. */
export async function listTemplates(tx: TenantDb, tenantId: string): Promise<TemplateSummary[]> {
  const templates = await tx.programTemplate.findMany({
    where: { tenantId, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      builtinKey: true,
      currentVersion: true,
      versions: { select: { version: true, definition: true } },
      _count: { select: { cohorts: true } },
    },
  });
  return templates.map((template) => {
    const current = template.versions.find((version) => version.version === template.currentVersion);
    if (!current) throw new Error(`template ${template.id} has no version ${template.currentVersion}`);
    return {
      id: template.id,
      name: template.name,
      kind: template.kind,
      builtinKey: template.builtinKey,
      currentVersion: template.currentVersion,
      teamShape: templateDefinitionSchema.parse(current.definition).teamShape,
      cohorts: template._count.cohorts,
    };
  });
}

/**
 * Copies a built-in template into the tenant: a new template whose version 1 is the built-in definition.
 * From then on it is the tenant's own data. Audited.
 */
export async function copyBuiltinTemplate(
  tx: TenantDb,
  input: { tenantId: string; builtinKey: BuiltinTemplateKey; actorUserId: string | null; requestId?: string },
): Promise<{ templateId: string }> {
  const { tenantId, builtinKey, actorUserId, requestId } = input;
  const definition = builtinTemplate(builtinKey);
  const template = await tx.programTemplate.create({
    data: {
      tenantId,
      name: definition.name,
      kind: definition.kind,
      builtinKey,
      currentVersion: 1,
      createdByUserId: actorUserId,
    },
  });
  await tx.programTemplateVersion.create({
    data: {
      tenantId,
      templateId: template.id,
      version: 1,
      definition: definition as Prisma.InputJsonValue,
      createdByUserId: actorUserId,
    },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "program_template.copy",
    entityType: "program_template",
    entityId: template.id,
    after: { builtinKey, name: definition.name, kind: definition.kind, version: 1 },
    requestId,
  });
  return { templateId: template.id };
}

/** A template with its current version's definition, as the editor shows it. */
export interface TemplateRecord {
  id: string;
  name: string;
  kind: ProgramKind;
  builtinKey: string | null;
  currentVersion: number;
  definition: TemplateDefinition;
  /** Whether a cohort runs on the current version: saving then makes a new version. */
  currentVersionInUse: boolean;
  /** Cohorts on any version. */
  cohorts: number;
}

/** The template, or not found (404) when it is not the tenant's. */
export async function loadTemplate(
  tx: TenantDb,
  tenantId: string,
  templateId: string,
): Promise<TemplateRecord> {
  const template = await tx.programTemplate.findFirst({
    where: { tenantId, id: templateId, archivedAt: null },
    select: {
      id: true,
      name: true,
      kind: true,
      builtinKey: true,
      currentVersion: true,
      _count: { select: { cohorts: true } },
    },
  });
  if (!template) throw new ProgramError("programs.error.templateNotFound", {}, 404);
  const version = await tx.programTemplateVersion.findFirst({
    where: { tenantId, templateId, version: template.currentVersion },
    select: { id: true, definition: true, _count: { select: { cohorts: true } } },
  });
  if (!version) throw new Error(`template ${templateId} has no version ${template.currentVersion}`);
  return {
    id: template.id,
    name: template.name,
    kind: template.kind,
    builtinKey: template.builtinKey,
    currentVersion: template.currentVersion,
    definition: templateDefinitionSchema.parse(version.definition),
    currentVersionInUse: version._count.cohorts > 0,
    cohorts: template._count.cohorts,
  };
}

/** The tenant's departments, by name, for the eligibility rules' department lists. */
export async function tenantDepartments(
  tx: TenantDb,
  tenantId: string,
): Promise<{ id: string; name: string; code: string }[]> {
  return tx.department.findMany({
    where: { tenantId },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { id: true, name: true, code: true },
  });
}

export type SaveTemplateResult =
  | {
      ok: true;
      /** The current version after the save. */
      version: number;
      /** A new version was made because cohorts run on the previous one. */
      newVersion: boolean;
      /** False when the definition was the same as before: nothing was written. */
      changed: boolean;
    }
  | { ok: false; error: ZodError };

/**
 * Saves a template's definition after validating it with templateDefinitionSchema; invalid input is
 * returned as the zod error and nothing is written. A version that a cohort runs on is never changed: the
 * definition becomes version n+1 and the template's current version. An unused current version is updated
 * in place. Every change is audited with the parts that changed, before and after.
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
  if (!parsed.success) return { ok: false, error: parsed.error };
  const definition = parsed.data;

  // Two saves of one template queue here, so that both cannot make the same next version.
  await tx.$queryRaw`select 1 from program_templates where tenant_id = ${tenantId}::uuid and id = ${templateId}::uuid for update`;
  const current = await loadTemplate(tx, tenantId, templateId);
  const { before, after } = changedParts(current.definition, definition);
  if (Object.keys(after).length === 0) {
    return { ok: true, version: current.currentVersion, newVersion: false, changed: false };
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
  return { ok: true, version, newVersion, changed: true };
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
