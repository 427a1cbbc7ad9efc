import type { TenantDb } from "@mentoring/db";
import { AppError, appErrors } from "@mentoring/domain";
import { createInvitation, type InvitationInput } from "../records/invitation";

/**
 * Invites an address with roles: an invitation row, its e-mail and an audit row, committed together.
 * An address that already belongs to a member of the tenant is refused (member.already_member).
 */
export async function inviteMember(tx: TenantDb, input: InvitationInput): Promise<void> {
  const email = input.email.toLowerCase();
  const member = await tx.membership.findFirst({
    where: { tenantId: input.tenant.id, user: { email } },
    select: { id: true },
  });
  if (member) {
    // Named by field, so that a form shows it beside the address.
    const message = appErrors["member.already_member"].message;
    throw new AppError("member.already_member", {}, { fields: [{ path: "email", message, params: {} }] });
  }
  await createInvitation(tx, { ...input, email });
}
