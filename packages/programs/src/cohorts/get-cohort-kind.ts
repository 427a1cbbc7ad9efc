import type { TenantSql } from "@mentoring/db";
import { AppError, type ProgramKind, programKinds } from "@mentoring/domain";

/**
 * The kind of program a cohort runs (from the template version it started on, which never changes), which
 * decides the pages its menu offers: a junior board has proposals instead of matching and certificates. Not
 * found (404) when the cohort is not the tenant's. Reads the one field out of the definition in SQL: every
 * cohort page asks, and the whole definition is what the page's own loader reads when it needs it.
 */
export async function getCohortKind(
  sql: TenantSql,
  input: { tenantId: string; cohortId: string },
): Promise<ProgramKind> {
  const {
    rows: [cohort],
  } = await sql.query<{ kind: string | null }>(
    `select v.definition->>'kind' as kind
       from cohorts c
       join program_template_versions v on v.tenant_id = c.tenant_id and v.id = c.template_version_id
      where c.tenant_id = $1 and c.id = $2`,
    [input.tenantId, input.cohortId],
  );
  if (!cohort) throw new AppError("cohort.not_found");
  return programKinds.find((known) => known === cohort.kind) ?? "standard";
}
