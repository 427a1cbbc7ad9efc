import { recordAudit, type TenantDb } from "@mentoring/db";
import { type RetentionPeriods, retentionPeriodsOf } from "@mentoring/domain";

/**
 * Saves the organisation's retention periods (months per kind of personal data, already within the
 * domain's bounds: the form's schema is retentionPeriodsSchema) and records before and after in the audit
 * log. The next purge measures with them.
 */
export async function updateRetentionPeriods(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string; periods: RetentionPeriods; requestId: string },
): Promise<void> {
  const { tenantId, actorUserId, periods, requestId } = input;
  // tenants is a platform table, reachable in the tenant's transaction: the change and its audit row commit together.
  const current = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { retentionMonths: true },
  });
  const before = retentionPeriodsOf(current.retentionMonths);
  const after = retentionPeriodsOf(periods);
  await tx.tenant.update({ where: { id: tenantId }, data: { retentionMonths: after } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "tenant.retention.update",
    entityType: "tenant",
    entityId: tenantId,
    before,
    after,
    requestId,
  });
}
