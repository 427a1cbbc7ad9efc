import type { TenantDb } from "@mentoring/db";
import { AppError, can, type Permission, type Role } from "@mentoring/domain";

/*
 * What the award use cases share: who may take a step (checked here too, not only by the route, so that a
 * coordinator's session can never approve through some other path), and the cohort's decision, locked.
 */

/** Refuses (award.not_allowed, 403) unless the actor's membership in the tenant grants `permission`. */
export async function requireAwardPermission(
  tx: TenantDb,
  input: { tenantId: string; actorUserId: string },
  permission: Permission,
): Promise<void> {
  const membership = await tx.membership.findFirst({
    where: { tenantId: input.tenantId, userId: input.actorUserId },
    select: { roles: true },
  });
  if (!membership || !can(membership.roles as Role[], permission)) throw new AppError("award.not_allowed");
}

/** The cohort's award decision with its grants, locked for the rest of the transaction; null when none. */
export async function lockedDecision(tx: TenantDb, tenantId: string, cohortId: string) {
  await tx.$queryRaw`select 1 from award_decisions where tenant_id = ${tenantId}::uuid and cohort_id = ${cohortId}::uuid for update`;
  return tx.awardDecision.findFirst({
    where: { tenantId, cohortId },
    select: {
      id: true,
      status: true,
      comment: true,
      proposedByUserId: true,
      proposedAt: true,
      grants: {
        where: { tenantId },
        orderBy: [{ categoryIndex: "asc" }, { team: { number: "asc" } }],
        select: {
          id: true,
          teamId: true,
          categoryIndex: true,
          name: true,
          prize: true,
          certificateTitle: true,
          team: { select: { number: true } },
        },
      },
    },
  });
}

/** The grants as the audit log keeps them: award name and team number. */
export const auditedGrants = (grants: readonly { name: string; team: { number: number } }[]) =>
  grants.map((grant) => ({ award: grant.name, team: grant.team.number }));
