import type { TenantDb } from "@mentoring/db";
import { inviteMember } from "@mentoring/tenants";
import { ensureEvaluatorRole } from "../records/evaluator-role";
import { fieldError } from "../records/field-error";

type InvitationInput = Parameters<typeof inviteMember>[1];

// One @, something on each side, a dot in the domain, no spaces: the mail itself proves the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The coordinator brings an evaluator in by e-mail, typically an outside trainer: an address that is not
 * yet a member gets the tenant's own invitation with the evaluator role alone (its mail queued through the
 * outbox, audited as an invitation), and the coordinator assigns them to teams once they have joined. An
 * address that already belongs to a member gets the evaluator role added if they lack it (audited as a
 * role change) and can be assigned at once. The role grants scoring assigned teams and nothing else.
 */
export async function inviteEvaluator(
  tx: TenantDb,
  input: Omit<InvitationInput, "roles">,
): Promise<{ invited: true } | { invited: false; userId: string; evaluatorRoleAdded: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw fieldError("evaluation.email_invalid", "email");
  const tenantId = input.tenant.id;
  const member = await tx.membership.findFirst({
    where: { tenantId, user: { email } },
    select: { id: true, userId: true, roles: true },
  });
  if (!member) {
    await inviteMember(tx, { ...input, email, roles: ["evaluator"] });
    return { invited: true };
  }
  const evaluatorRoleAdded = await ensureEvaluatorRole(tx, {
    tenantId,
    membership: member,
    actorUserId: input.actorUserId,
    requestId: input.requestId,
  });
  return { invited: false, userId: member.userId, evaluatorRoleAdded };
}
