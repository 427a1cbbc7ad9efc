import type { TenantDb } from "@mentoring/db";

/** The tenant home's summary: active staff, departments, members, and invitations still open at `now`. */
export async function getHomeCounts(tx: TenantDb, input: { tenantId: string; now: Date }) {
  const { tenantId, now } = input;
  const where = { tenantId };
  const [staff, departments, members, pendingInvitations] = await Promise.all([
    tx.staffMember.count({ where: { ...where, active: true } }),
    tx.department.count({ where }),
    tx.membership.count({ where }),
    tx.invitation.count({
      where: { ...where, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    }),
  ]);
  return { staff, departments, members, pendingInvitations };
}
