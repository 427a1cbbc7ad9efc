import type { TenantDb } from "@mentoring/db";

/** "거꾸로 멘토링 2기": cohort titles are tenant data, written the Korean way. */
export function defaultCohortTitle(templateName: string, number: number): string {
  return `${templateName} ${number}기`;
}

/** The number after the template's last cohort (1 for its first). */
export async function nextCohortNumber(tx: TenantDb, tenantId: string, templateId: string): Promise<number> {
  const taken = await tx.cohort.aggregate({ where: { tenantId, templateId }, _max: { number: true } });
  return (taken._max.number ?? 0) + 1;
}
