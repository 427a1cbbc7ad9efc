import type { TenantDb } from "@mentoring/db";
import type { EligibilityRule } from "@mentoring/domain";

/** Department codes a set of rules names, with their names (for showing rules in words). */
export async function departmentsNamedIn(
  tx: TenantDb,
  tenantId: string,
  rules: EligibilityRule[],
): Promise<Record<string, string>> {
  const codes = new Set(
    rules.flatMap((rule) => [...(rule.departments?.include ?? []), ...(rule.departments?.exclude ?? [])]),
  );
  if (codes.size === 0) return {};
  const departments = await tx.department.findMany({
    where: { tenantId, code: { in: [...codes] } },
    select: { code: true, name: true },
  });
  return Object.fromEntries(departments.map((department) => [department.code, department.name]));
}
