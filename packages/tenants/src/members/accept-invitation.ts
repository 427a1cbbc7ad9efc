import { hashPassword } from "@mentoring/auth";
import { type Database, recordAudit } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { usableInvitation } from "../records/invitation";

/**
 * Accepts an invitation: creates the account when there is none (name and password given), adds the
 * membership with the invited roles (or adds them to an existing one), spends the link, and records it.
 * A nominee's invitation also ties the membership to their staff record, and its cohort is returned for
 * the page to lead them to. Returns the user's id; a link that cannot be used (any more, or by this
 * person, or for a staff record another account already holds) is refused (member.invitation_unusable).
 */
export async function acceptInvitation(
  db: Database,
  input: {
    tenantId: string;
    token: string;
    signedInUser: { id: string; email: string } | null;
    newAccount?: { displayName: string; password: string };
  },
): Promise<{ userId: string; cohortId: string | null }> {
  const { tenantId, token, signedInUser, newAccount } = input;
  // Hashed before the transaction opens: it is slow on purpose, and would hold a connection meanwhile.
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : undefined;
  return db.withTenant(tenantId, async (tx) => {
    const invitation = await usableInvitation(tx, tenantId, token);
    if (!invitation) throw new AppError("member.invitation_unusable");
    let userId: string;
    if (signedInUser) {
      if (signedInUser.email !== invitation.email) throw new AppError("member.invitation_unusable");
      userId = signedInUser.id;
    } else {
      if (!newAccount || (await tx.user.findUnique({ where: { email: invitation.email } })))
        throw new AppError("member.invitation_unusable");
      const user = await tx.user.create({
        data: { email: invitation.email, displayName: newAccount.displayName, passwordHash },
      });
      userId = user.id;
    }
    const spent = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (spent.count === 0) throw new AppError("member.invitation_unusable");
    const existing = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
    const { staffMemberId } = invitation;
    if (staffMemberId) {
      // The staff record is one person's: an account tied to another record, or another account already
      // tied to this one, cannot take it.
      if (existing?.staffMemberId && existing.staffMemberId !== staffMemberId)
        throw new AppError("member.invitation_unusable");
      const holder = await tx.membership.findFirst({
        where: { tenantId, staffMemberId, NOT: { userId } },
        select: { id: true },
      });
      if (holder) throw new AppError("member.invitation_unusable");
    }
    if (existing) {
      const roles = [...new Set([...existing.roles, ...invitation.roles])];
      await tx.membership.update({
        where: { id: existing.id },
        data: { roles, ...(staffMemberId && { staffMemberId }) },
      });
    } else {
      await tx.membership.create({
        data: { tenantId, userId, roles: invitation.roles, ...(staffMemberId && { staffMemberId }) },
      });
    }
    await recordAudit(tx, {
      tenantId,
      actorUserId: userId,
      action: "invitation.accept",
      entityType: "invitation",
      entityId: invitation.id,
      after: { roles: invitation.roles, ...(staffMemberId && { staffMemberId }) },
    });
    return { userId, cohortId: invitation.cohortId };
  });
}
