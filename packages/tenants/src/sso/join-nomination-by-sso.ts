import { recordAudit, type SsoConfig, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { usableInvitation } from "../records/invitation";
import type { SsoClaims } from "./match-sso-member";

const refuse = (reason: string) => new AppError("sso.no_match", { reason });

function claimText(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A nominee without an account signs in through the tenant's single sign-on from their invitation link:
 * nobody is created by sign-on alone, but the invitation names the staff member, and when the provider
 * vouches for that same person (by the tenant's rule: the invitation's address, verified, or the staff
 * member's employee number) their account is made (no password), tied to the staff record, linked to the
 * provider's subject, and the link is spent. Refused (sso.no_match) for anything else: a link that
 * cannot be used, one that is no nomination, or a person the provider says is someone else. Returns the
 * user and the cohort to lead them to.
 */
export async function joinNominationBySso(
  tx: TenantDb,
  input: { tenantId: string; sso: SsoConfig; claims: SsoClaims; token: string; requestId?: string },
): Promise<{ userId: string; cohortId: string; locale: string | null }> {
  const { tenantId, sso, claims, token } = input;
  const invitation = await usableInvitation(tx, tenantId, token);
  if (!invitation?.staffMemberId || !invitation.cohortId) throw refuse("invitation_unusable");
  const staff = await tx.staffMember.findFirst({
    where: { tenantId, id: invitation.staffMemberId },
    select: { id: true, name: true, employeeNumber: true, active: true },
  });
  if (!staff?.active) throw refuse("staff_inactive");
  if (sso.matchBy === "employee_number") {
    if (claimText(claims[sso.employeeNumberClaim]) !== staff.employeeNumber) throw refuse("not_the_nominee");
  } else {
    if (claims.email_verified === false) throw refuse("email_unverified");
    if (claimText(claims.email)?.toLowerCase() !== invitation.email) throw refuse("not_the_nominee");
  }
  const { issuer } = sso;
  const subject = claims.sub;
  if (await tx.userIdentity.findUnique({ where: { issuer_subject: { issuer, subject } } }))
    throw refuse("identity_elsewhere");
  // Someone else's account already holds this staff record: the nominee signs in as that account.
  const holder = await tx.membership.findFirst({
    where: { tenantId, staffMemberId: staff.id },
    select: { id: true },
  });
  if (holder) throw refuse("staff_taken");

  const existing = await tx.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, locale: true },
  });
  const user =
    existing ??
    (await tx.user.create({
      data: { email: invitation.email, displayName: staff.name },
      select: { id: true, locale: true },
    }));
  if (await tx.userIdentity.findFirst({ where: { userId: user.id, issuer }, select: { id: true } }))
    throw refuse("other_identity_at_issuer");
  const spent = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null },
    data: { acceptedAt: new Date() },
  });
  if (spent.count === 0) throw refuse("invitation_unusable");
  const membership = await tx.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId: user.id } },
  });
  if (membership?.staffMemberId) throw refuse("staff_taken");
  if (membership) {
    const roles = [...new Set([...membership.roles, ...invitation.roles])];
    await tx.membership.update({ where: { id: membership.id }, data: { roles, staffMemberId: staff.id } });
  } else {
    await tx.membership.create({
      data: { tenantId, userId: user.id, roles: invitation.roles, staffMemberId: staff.id },
    });
  }
  await tx.userIdentity.create({ data: { userId: user.id, issuer, subject } });
  await recordAudit(tx, {
    tenantId,
    actorUserId: user.id,
    action: "invitation.accept",
    entityType: "invitation",
    entityId: invitation.id,
    after: { roles: invitation.roles, staffMemberId: staff.id, through: "sso" },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: user.id,
    action: "sso_identity.link",
    entityType: "user",
    entityId: user.id,
    after: { issuer, subject, matchedBy: sso.matchBy },
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  return { userId: user.id, cohortId: invitation.cohortId, locale: user.locale };
}
