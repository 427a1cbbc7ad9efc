import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type ProgramKind,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "@mentoring/domain";

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
  if (!template) throw new AppError("template.not_found");
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
