import { hashToken, newToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";

export const RESET_LINK_MINUTES = 30;

/**
 * Sends a reset link when the address belongs to an account, and does nothing visible otherwise (the
 * page says the same either way, so it cannot be used to find out who has an account). The link and its
 * mail are written together.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; locale: Locale; appUrl: string; now?: Date },
): Promise<void> {
  const { email, locale, appUrl, now = new Date() } = input;
  const user = await db.platform.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) return;
  const token = newToken();
  await db.platform.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      },
    });
    await queueEmail(tx, {
      to: user.email,
      locale: (user.locale as Locale | null) ?? locale,
      message: {
        kind: "password_reset",
        name: user.displayName,
        link: new URL(`/password/reset/${token}`, appUrl).toString(),
        validMinutes: RESET_LINK_MINUTES,
      },
    });
  });
}
