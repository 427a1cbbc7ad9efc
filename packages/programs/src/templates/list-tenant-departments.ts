import type { TenantDb } from "@mentoring/db";

/** The tenant's departments, by name, for the eligibility rules' department lists. */
export async function listTenantDepartments(
  tx: TenantDb,
  { tenantId }: { tenantId: string },
): Promise<{ id: string; name: string; code: string }[]> {
  return tx.department.findMany({
    where: { tenantId },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { id: true, name: true, code: true },
  });
}
