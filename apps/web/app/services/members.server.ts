import { hashPassword, hashToken, newToken } from "@mentoring/auth";
import { recordAudit } from "@mentoring/db";
import { type RoleChangeProblem, roleChangeProblems, type TenantRole } from "@mentoring/domain";
import { type Locale, resources } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import type { TenantAccess } from "./guard.server";
import type { Services } from "./services.server";
import { tenantName } from "./tenant-display";

export const INVITATION_DAYS = 7;

type Tenant = TenantAccess["tenant"];

const roleLabel = (role: TenantRole, locale: Locale) => resources[locale].common.role[role];

/**
 * Invites an address with roles: an invitation row, its e-mail (sent by the worker) and an audit row,
 * committed together. The link carries a one-time token; only its hash is stored.
 */
export async function inviteMember(
  services: Services,
  {
    tenant,
    actorUserId,
    email,
    roles,
    locale,
    requestId,
  }: {
    tenant: Tenant;
    actorUserId: string;
    email: string;
    roles: TenantRole[];
    locale: Locale;
    requestId: string;
  },
): Promise<{ ok: true } | { ok: false; problem: "already_member" }> {
  const address = email.toLowerCase();
  const { db, config } = services;
  const existingUser = await db.platform.user.findUnique({ where: { email: address }, select: { id: true } });
  const token = newToken();
  return db.withTenant(tenant.id, async (tx) => {
    if (existingUser) {
      const member = await tx.membership.findUnique({
        where: { tenantId_userId: { tenantId: tenant.id, userId: existingUser.id } },
      });
      if (member) return { ok: false as const, problem: "already_member" as const };
    }
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000);
    const invitation = await tx.invitation.create({
      data: {
        tenantId: tenant.id,
        email: address,
        roles,
        tokenHash: hashToken(token),
        invitedByUserId: actorUserId,
        expiresAt,
      },
    });
    await queueEmail(tx, {
      to: address,
      locale,
      message: {
        kind: "invitation",
        tenantName: tenantName(tenant, locale),
        roles: roles.map((role) => roleLabel(role, locale)),
        link: new URL(`/join/${tenant.slug}/${token}`, config.APP_URL).toString(),
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
      after: { email: address, roles, expiresAt: expiresAt.toISOString() },
      requestId,
    });
    return { ok: true as const };
  });
}

/** Sets a member's roles, refusing what would leave them roleless or the tenant without an admin. */
export async function changeRoles(
  services: Services,
  {
    tenant,
    actorUserId,
    membershipId,
    roles,
    requestId,
  }: {
    tenant: Tenant;
    actorUserId: string;
    membershipId: string;
    roles: TenantRole[];
    requestId: string;
  },
): Promise<{ ok: true; name: string } | { ok: false; problems: RoleChangeProblem[] } | null> {
  return services.db.withTenant(
    tenant.id,
    async (tx) => {
      const member = await tx.membership.findFirst({
        where: { id: membershipId, tenantId: tenant.id },
        select: { id: true, roles: true, user: { select: { displayName: true } } },
      });
      if (!member) return null;
      const adminsInTenant = await tx.membership.count({
        where: { tenantId: tenant.id, roles: { has: "tenant_admin" } },
      });
      const problems = roleChangeProblems({ current: member.roles, next: roles, adminsInTenant });
      if (problems.length > 0) return { ok: false as const, problems };
      await tx.membership.update({ where: { id: member.id }, data: { roles } });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId,
        action: "membership.roles.update",
        entityType: "membership",
        entityId: member.id,
        before: { roles: member.roles },
        after: { roles },
        requestId,
      });
      return { ok: true as const, name: member.user.displayName };
    },
    // Serializable: two admins demoting each other at once must not leave the tenant with none.
    { isolationLevel: "Serializable" },
  );
}

export type InvitationView =
  | { state: "invalid" }
  | { state: "new_account"; email: string; roles: TenantRole[] }
  | { state: "sign_in_first"; email: string; roles: TenantRole[] }
  | { state: "wrong_account"; roles: TenantRole[] }
  | { state: "ready"; roles: TenantRole[] };

/** An invitation its link can still use: not accepted, not revoked, not expired. */
function usableInvitation(tenantId: string, token: string) {
  return {
    tenantId,
    tokenHash: hashToken(token),
    acceptedAt: null,
    revokedAt: null,
    expiresAt: { gt: new Date() },
  };
}

async function openInvitation(services: Services, tenantId: string, token: string) {
  return services.db.withTenant(tenantId, (tx) =>
    tx.invitation.findFirst({
      where: usableInvitation(tenantId, token),
    }),
  );
}

/** What the person opening an invitation link can do: sign up, sign in first, or join at once. */
export async function viewInvitation(
  services: Services,
  tenantId: string,
  token: string,
  signedInUser: { id: string; email: string } | null,
): Promise<InvitationView> {
  const invitation = await openInvitation(services, tenantId, token);
  if (!invitation) return { state: "invalid" };
  const { email, roles } = invitation;
  if (signedInUser)
    return signedInUser.email === email ? { state: "ready", roles } : { state: "wrong_account", roles };
  const account = await services.db.platform.user.findUnique({ where: { email }, select: { id: true } });
  return account ? { state: "sign_in_first", email, roles } : { state: "new_account", email, roles };
}

/**
 * Accepts an invitation: creates the account when there is none (name and password given), adds the
 * membership with the invited roles, spends the link, and records it. Returns the user id, or null
 * when the link cannot be used (any more).
 */
export async function acceptInvitation(
  services: Services,
  {
    tenantId,
    token,
    signedInUser,
    newAccount,
  }: {
    tenantId: string;
    token: string;
    signedInUser: { id: string; email: string } | null;
    newAccount?: { displayName: string; password: string };
  },
): Promise<string | null> {
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : undefined;
  return services.db.withTenant(tenantId, async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: usableInvitation(tenantId, token),
    });
    if (!invitation) return null;
    let userId: string;
    if (signedInUser) {
      if (signedInUser.email !== invitation.email) return null;
      userId = signedInUser.id;
    } else {
      if (!newAccount || (await tx.user.findUnique({ where: { email: invitation.email } }))) return null;
      const user = await tx.user.create({
        data: { email: invitation.email, displayName: newAccount.displayName, passwordHash },
      });
      userId = user.id;
    }
    const spent = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (spent.count === 0) return null;
    const existing = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
    if (existing) {
      const roles = [...new Set([...existing.roles, ...invitation.roles])];
      await tx.membership.update({ where: { id: existing.id }, data: { roles } });
    } else {
      await tx.membership.create({ data: { tenantId, userId, roles: invitation.roles } });
    }
    await recordAudit(tx, {
      tenantId,
      actorUserId: userId,
      action: "invitation.accept",
      entityType: "invitation",
      entityId: invitation.id,
      after: { roles: invitation.roles },
    });
    return userId;
  });
}
