import { hashPassword, hashToken, newToken } from "@mentoring/auth";
import type { Locale } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import type { Services } from "./services.server";

export const RESET_LINK_MINUTES = 30;

/**
 * Sends a reset link when the address belongs to an account, and does nothing visible otherwise (the
 * page says the same either way, so it cannot be used to find out who has an account).
 */
export async function requestPasswordReset(services: Services, email: string, locale: Locale): Promise<void> {
  const { db, config } = services;
  const user = await db.platform.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) return;
  const token = newToken();
  await db.platform.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
      },
    });
    await queueEmail(tx, {
      to: user.email,
      locale: (user.locale as Locale | null) ?? locale,
      message: {
        kind: "password_reset",
        name: user.displayName,
        link: new URL(`/password/reset/${token}`, config.APP_URL).toString(),
        validMinutes: RESET_LINK_MINUTES,
      },
    });
  });
}

async function usableToken(services: Services, token: string) {
  const row = await services.db.platform.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
  });
  return row && !row.usedAt && row.expiresAt > new Date() ? row : null;
}

export async function resetLinkIsValid(services: Services, token: string): Promise<boolean> {
  return (await usableToken(services, token)) !== null;
}

/** Sets the new password, spends the link, and signs the account out everywhere. */
export async function resetPassword(services: Services, token: string, password: string): Promise<boolean> {
  const row = await usableToken(services, token);
  if (!row) return false;
  const passwordHash = await hashPassword(password);
  return services.db.platform.$transaction(async (tx) => {
    // Spend the link first and only if still unused: two submissions of one link change the password once.
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (spent.count === 0) return false;
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.session.updateMany({
      where: { userId: row.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return true;
  });
}
