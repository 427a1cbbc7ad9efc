import type { TenantDb } from "@mentoring/db";
import { AppError, type ProgramKind, programKinds } from "@mentoring/domain";

/**
 * The kind of program a cohort runs (from the template version it started on), which decides the pages its
 * menu offers: a junior board has proposals instead of matching and certificates. Not found (404) when the
 * cohort is not the tenant's. Reads the one field, not the whole definition a page's own loader validates.
 */
export async function getCohortKind(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<ProgramKind> {
  const cohort = await tx.cohort.findFirst({
    where: { tenantId: input.tenantId, id: input.cohortId },
    select: { templateVersion: { select: { definition: true } } },
  });
  if (!cohort) throw new AppError("cohort.not_found");
  const { definition } = cohort.templateVersion;
  const kind =
    definition && typeof definition === "object" && !Array.isArray(definition) ? definition.kind : undefined;
  return programKinds.find((known) => known === kind) ?? "standard";
}
