import type { TenantDb } from "@mentoring/db";

/** How many people the directory holds now: its active staff (what a plan is priced by, too). */
export function countActiveStaff(tx: TenantDb, { tenantId }: { tenantId: string }): Promise<number> {
  return tx.staffMember.count({ where: { tenantId, active: true } });
}
