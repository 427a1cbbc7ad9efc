import { type Database, recordAudit } from "@mentoring/db";
import {
  AppError,
  type AppErrorCode,
  appErrors,
  roleChangeProblems,
  type TenantRole,
} from "@mentoring/domain";

const problemCodes = {
  no_roles: "member.no_roles",
  last_admin: "member.last_admin",
} as const satisfies Record<string, AppErrorCode>;

/**
 * Sets a member's roles. Refused when it would leave them roleless or the tenant without an admin: the
 * error's code is the first problem, and `details.fields` lists every problem (both can apply at once).
 * Not found when the membership is not the tenant's. Returns the member's name.
 */
export async function changeMemberRoles(
  db: Database,
  input: {
    tenantId: string;
    actorUserId: string;
    membershipId: string;
    roles: TenantRole[];
    requestId: string;
  },
): Promise<{ name: string }> {
  const { tenantId, actorUserId, membershipId, roles, requestId } = input;
  return db.withTenant(
    tenantId,
    async (tx) => {
      const member = await tx.membership.findFirst({
        where: { id: membershipId, tenantId },
        select: { id: true, roles: true, user: { select: { displayName: true } } },
      });
      if (!member) throw new AppError("member.not_found");
      const adminsInTenant = await tx.membership.count({
        where: { tenantId, roles: { has: "tenant_admin" } },
      });
      const problems = roleChangeProblems({ current: member.roles, next: roles, adminsInTenant });
      const [first] = problems;
      if (first) {
        const fields = problems.map((problem) => ({
          path: "roles",
          message: appErrors[problemCodes[problem]].message,
          params: {},
        }));
        throw new AppError(problemCodes[first], {}, { fields });
      }
      await tx.membership.update({ where: { id: member.id }, data: { roles } });
      await recordAudit(tx, {
        tenantId,
        actorUserId,
        action: "membership.roles.update",
        entityType: "membership",
        entityId: member.id,
        before: { roles: member.roles },
        after: { roles },
        requestId,
      });
      return { name: member.user.displayName };
    },
    // Serializable: two admins demoting each other at once must not leave the tenant with none.
    { isolationLevel: "Serializable" },
  );
}
