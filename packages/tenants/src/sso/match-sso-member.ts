import { recordAudit, type SsoConfig, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";

/** Why a person was refused (sso.no_match, as `params.reason`), for the log: the page says only that nobody matched. */
export type SsoRefusal =
  | "no_claim"
  | "email_unverified"
  | "no_member"
  | "staff_inactive"
  | "identity_not_member"
  | "other_identity_at_issuer";

/** The claims of a validated ID token (and userinfo). */
export type SsoClaims = Record<string, unknown> & { sub: string };

function claimText(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

const refuse = (reason: SsoRefusal) => new AppError("sso.no_match", { reason });

/**
 * Who the provider vouches for: the user already linked to (issuer, subject), or else the one member the
 * tenant's rule finds (e-mail of a member's account, or the employee number of a staff member linked to an
 * account), who is then linked, audited. A linked user must still be a member of this tenant. Nobody is
 * created: anyone else is refused (sso.no_match, with the reason).
 */
export async function matchSsoMember(
  tx: TenantDb,
  input: { tenantId: string; sso: SsoConfig; claims: SsoClaims; requestId?: string },
): Promise<{ userId: string; linked: boolean; locale: string | null }> {
  const { tenantId, sso, claims, requestId } = input;
  const { issuer } = sso;
  const subject = claims.sub;
  const isMember = async (userId: string) => (await tx.membership.count({ where: { tenantId, userId } })) > 0;
  const localeOf = async (userId: string) =>
    (await tx.user.findUnique({ where: { id: userId }, select: { locale: true } }))?.locale ?? null;

  const identity = await tx.userIdentity.findUnique({
    where: { issuer_subject: { issuer, subject } },
    select: { userId: true },
  });
  if (identity) {
    if (!(await isMember(identity.userId))) throw refuse("identity_not_member");
    return { userId: identity.userId, linked: false, locale: await localeOf(identity.userId) };
  }

  let userId: string | undefined;
  if (sso.matchBy === "employee_number") {
    const employeeNumber = claimText(claims[sso.employeeNumberClaim]);
    if (!employeeNumber) throw refuse("no_claim");
    const staff = await tx.staffMember.findUnique({
      where: { tenantId_employeeNumber: { tenantId, employeeNumber } },
      select: { active: true, memberships: { where: { tenantId }, select: { userId: true } } },
    });
    if (staff && !staff.active) throw refuse("staff_inactive");
    userId = staff?.memberships[0]?.userId;
  } else {
    const email = claimText(claims.email)?.toLowerCase();
    if (!email) throw refuse("no_claim");
    if (claims.email_verified === false) throw refuse("email_unverified");
    const membership = await tx.membership.findFirst({
      where: { tenantId, user: { email } },
      select: { userId: true },
    });
    userId = membership?.userId;
  }
  if (!userId) throw refuse("no_member");

  // A second account at the same provider claiming the same person (a recycled address or number)
  // is refused rather than given this user's access.
  const other = await tx.userIdentity.findFirst({ where: { userId, issuer }, select: { id: true } });
  if (other) throw refuse("other_identity_at_issuer");

  const created = await tx.userIdentity.createMany({
    data: [{ userId, issuer, subject }],
    skipDuplicates: true,
  });
  if (created.count === 0) {
    // Linked by a sign-in running at the same moment: whoever it was linked to, it must be this user.
    const linked = await tx.userIdentity.findUnique({ where: { issuer_subject: { issuer, subject } } });
    if (linked?.userId !== userId) throw refuse("other_identity_at_issuer");
    return { userId, linked: false, locale: await localeOf(userId) };
  }
  await recordAudit(tx, {
    tenantId,
    actorUserId: userId,
    action: "sso_identity.link",
    entityType: "user",
    entityId: userId,
    after: { issuer, subject, matchedBy: sso.matchBy },
    ...(requestId ? { requestId } : {}),
  });
  return { userId, linked: true, locale: await localeOf(userId) };
}
