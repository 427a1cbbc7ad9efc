import { hashToken, newToken } from "@mentoring/auth";
import { recordAudit, type TenantDb } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import type { InvitingTenant } from "../records/invitation";

/**
 * How long a nominee's link can be used: two weeks, longer than a member's invitation (7 days), since it
 * reaches people who did not ask for it and may be away for a week; the mail states the moment it ends.
 */
export const NOMINATION_INVITATION_DAYS = 14;

export interface NomineeInvitationInput {
  tenant: InvitingTenant & { locale: string };
  /** The coordinator who nominated them. */
  actorUserId: string | null;
  requestId?: string;
  now: Date;
  appUrl: string;
  /** The staff member nominated, with the address the directory holds for them. */
  staff: { id: string; name: string; email: string };
  cohort: { id: string; title: string };
  placed: { outcome: "accepted" } | { outcome: "waitlisted"; position: number };
  locale: Locale;
}

/**
 * A nominee who has no account yet gets an invitation instead of the decision mail they could not act on:
 * a one-time link (only its hash stored) that makes their account, tied to their staff record, and leads
 * to the cohort's announcement, where they consent or decline. An earlier link of theirs for the same
 * cohort, not yet used, is revoked, so that only the newest works. Mail through the outbox and an audit
 * row, in the caller's transaction.
 */
export async function inviteNominee(
  tx: TenantDb,
  input: NomineeInvitationInput,
): Promise<{ invitationId: string }> {
  const { tenant, staff, cohort, locale, now } = input;
  const tenantId = tenant.id;
  const email = staff.email.trim().toLowerCase();
  await tx.invitation.updateMany({
    where: { tenantId, staffMemberId: staff.id, cohortId: cohort.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + NOMINATION_INVITATION_DAYS * 24 * 3600_000);
  const invitation = await tx.invitation.create({
    data: {
      tenantId,
      email,
      roles: ["participant"],
      tokenHash: hashToken(token),
      invitedByUserId: input.actorUserId,
      expiresAt,
      staffMemberId: staff.id,
      cohortId: cohort.id,
    },
    select: { id: true },
  });
  const sso = await tx.ssoConfig.findUnique({ where: { tenantId }, select: { enabled: true } });
  await queueEmail(tx, {
    to: email,
    locale,
    message: {
      kind: "nomination_invitation",
      name: staff.name,
      tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
      cohortTitle: cohort.title,
      outcome: input.placed.outcome,
      ...(input.placed.outcome === "waitlisted" && { waitlistPosition: input.placed.position }),
      sso: sso?.enabled ?? false,
      link: new URL(`/join/${tenant.slug}/${token}`, input.appUrl).toString(),
      expiresAt,
      timeZone: tenant.timeZone,
    },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "invitation.create",
    entityType: "invitation",
    entityId: invitation.id,
    after: {
      email,
      roles: ["participant"],
      staffMemberId: staff.id,
      cohortId: cohort.id,
      expiresAt: expiresAt.toISOString(),
    },
    requestId: input.requestId,
  });
  return { invitationId: invitation.id };
}
