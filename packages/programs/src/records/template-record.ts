import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type ProgramKind,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "@mentoring/domain";

/** What every read of a template takes of its row: its identity, and how many cohorts run on it. */
export const templateHeadSelect = {
  id: true,
  name: true,
  kind: true,
  builtinKey: true,
  currentVersion: true,
  _count: { select: { cohorts: true } },
} as const;

/** A template's row as read with `templateHeadSelect`, shaped for a page. */
export function templateHead(template: {
  id: string;
  name: string;
  kind: ProgramKind;
  builtinKey: string | null;
  currentVersion: number;
  _count: { cohorts: number };
}) {
  const { id, name, kind, builtinKey, currentVersion } = template;
  return { id, name, kind, builtinKey, currentVersion, cohorts: template._count.cohorts };
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
    select: templateHeadSelect,
  });
  if (!template) throw new AppError("template.not_found");
  const version = await tx.programTemplateVersion.findFirst({
    where: { tenantId, templateId, version: template.currentVersion },
    select: { id: true, definition: true, _count: { select: { cohorts: true } } },
  });
  if (!version) throw new Error(`template ${templateId} has no version ${template.currentVersion}`);
  return {
    ...templateHead(template),
    definition: templateDefinitionSchema.parse(version.definition),
    currentVersionInUse: version._count.cohorts > 0,
  };
}
