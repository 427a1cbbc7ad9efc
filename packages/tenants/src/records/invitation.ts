import { hashToken, newToken } from "@mentoring/auth";
import { recordAudit, type TenantDb } from "@mentoring/db";
import type { TenantRole } from "@mentoring/domain";
import { type Locale, resources } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";

/** How long an invitation link can be used. */
export const INVITATION_DAYS = 7;

/** The tenant as an invitation mail names it and links to it. */
export interface InvitingTenant {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  timeZone: string;
}

/** Who invites whom, with which roles, and where the link points. */
export interface InvitationInput {
  tenant: InvitingTenant;
  actorUserId: string;
  email: string;
  roles: TenantRole[];
  locale: Locale;
  appUrl: string;
  requestId: string;
}

/**
 * Creates an invitation, its e-mail (sent by the worker) and its audit row in the caller's transaction.
 * The link carries a one-time token; only its hash is stored.
 */
export async function createInvitation(tx: TenantDb, input: InvitationInput): Promise<void> {
  const { tenant, actorUserId, email, roles, locale, appUrl, requestId } = input;
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000);
  const invitation = await tx.invitation.create({
    data: {
      tenantId: tenant.id,
      email,
      roles,
      tokenHash: hashToken(token),
      invitedByUserId: actorUserId,
      expiresAt,
    },
  });
  await queueEmail(tx, {
    to: email,
    locale,
    message: {
      kind: "invitation",
      tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
      roles: roles.map((role) => resources[locale].common.role[role]),
      link: new URL(`/join/${tenant.slug}/${token}`, appUrl).toString(),
      expiresAt,
      timeZone: tenant.timeZone,
    },
  });
  await recordAudit(tx, {
    tenantId: tenant.id,
    actorUserId,
    action: "invitation.create",
    entityType: "invitation",
    entityId: invitation.id,
    after: { email, roles, expiresAt: expiresAt.toISOString() },
    requestId,
  });
}

/** The invitation a link's token opens, while it can still be used: not accepted, revoked or expired. */
export function usableInvitation(tx: TenantDb, tenantId: string, token: string) {
  return tx.invitation.findFirst({
    where: {
      tenantId,
      tokenHash: hashToken(token),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
  });
}
