import type { TenantDb } from "@mentoring/db";
import { type ProgramKind, type TeamShape, templateDefinitionSchema } from "@mentoring/domain";
import { templateHead, templateHeadSelect } from "../records/template-record";

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
export async function listTemplates(
  tx: TenantDb,
  { tenantId }: { tenantId: string },
): Promise<TemplateSummary[]> {
  const templates = await tx.programTemplate.findMany({
    where: { tenantId, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...templateHeadSelect, versions: { select: { version: true, definition: true } } },
  });
  return templates.map((template) => {
    const current = template.versions.find((version) => version.version === template.currentVersion);
    if (!current) throw new Error(`template ${template.id} has no version ${template.currentVersion}`);
    return {
      ...templateHead(template),
      teamShape: templateDefinitionSchema.parse(current.definition).teamShape,
    };
  });
}
