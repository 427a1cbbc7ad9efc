import { recordAudit, type TenantDb } from "@mentoring/db";
import type { TenantRole } from "@mentoring/domain";

/**
 * Adds the evaluator role to a membership that lacks it, audited as a role change like any other; returns
 * whether it was added. Other roles are kept.
 */
export async function ensureEvaluatorRole(
  tx: TenantDb,
  input: {
    tenantId: string;
    membership: { id: string; roles: TenantRole[] };
    actorUserId: string;
    requestId?: string;
  },
): Promise<boolean> {
  const { tenantId, membership, actorUserId, requestId } = input;
  if (membership.roles.includes("evaluator")) return false;
  const roles: TenantRole[] = [...membership.roles, "evaluator"];
  await tx.membership.update({ where: { id: membership.id }, data: { roles } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "membership.roles.update",
    entityType: "membership",
    entityId: membership.id,
    before: { roles: membership.roles },
    after: { roles },
    requestId,
  });
  return true;
}
