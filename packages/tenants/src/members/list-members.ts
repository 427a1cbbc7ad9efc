import type { TenantDb } from "@mentoring/db";

/** The members page: who belongs to the tenant with which roles, and the invitations still open. */
export async function listMembers(tx: TenantDb, input: { tenantId: string }) {
  const { tenantId } = input;
  const members = await tx.membership.findMany({
    where: { tenantId },
    select: { id: true, roles: true, user: { select: { displayName: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const invitations = await tx.invitation.findMany({
    where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, roles: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return { members, invitations };
}
