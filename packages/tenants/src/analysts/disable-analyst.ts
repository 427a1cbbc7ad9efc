import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { recordPlatformAudit } from "../records/platform-audit";

/**
 * Disables a national insights analyst's account: it is marked disabled, its password removed, its
 * sessions revoked and its unused password links spent, so it can neither stay signed in, sign in nor set
 * a new password; one row in the platform's audit log. Disabling a disabled account changes nothing.
 * Any other account is not found.
 */
export async function disableAnalyst(
  db: Database,
  input: { analystId: string; operatorId: string; requestId: string; now?: Date },
): Promise<{ email: string; changed: boolean }> {
  const { analystId, operatorId, requestId, now = new Date() } = input;
  return db.platform.$transaction(async (tx) => {
    const analyst = await tx.user.findFirst({
      where: { id: analystId, platformRole: "insights_analyst" },
      select: { id: true, email: true, disabledAt: true },
    });
    if (!analyst) throw new AppError("insights.analyst_not_found");
    if (analyst.disabledAt) return { email: analyst.email, changed: false };
    await tx.user.update({ where: { id: analyst.id }, data: { disabledAt: now, passwordHash: null } });
    const sessions = await tx.session.updateMany({
      where: { userId: analyst.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.passwordResetToken.updateMany({
      where: { userId: analyst.id, usedAt: null },
      data: { usedAt: now },
    });
    await recordPlatformAudit(tx, {
      actorUserId: operatorId,
      action: "analyst.disable",
      entityType: "user",
      entityId: analyst.id,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString(), sessionsRevoked: sessions.count },
      requestId,
    });
    return { email: analyst.email, changed: true };
  });
}
