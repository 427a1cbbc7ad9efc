import type { TenantDb } from "@mentoring/db";
import { type RetentionPeriods, retentionPeriodsOf } from "@mentoring/domain";

/** The organisation's retention periods in force: its choices within the bounds, the defaults otherwise. */
export async function getRetentionPeriods(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<RetentionPeriods> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: input.tenantId },
    select: { retentionMonths: true },
  });
  return retentionPeriodsOf(tenant.retentionMonths);
}
