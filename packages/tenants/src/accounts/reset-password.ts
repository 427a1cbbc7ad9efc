import { hashPassword } from "@mentoring/auth";
import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { usableResetToken } from "../records/reset-token";

/**
 * Sets the new password, spends the link and every other outstanding link of the account (an older mail
 * must not change the password again), and signs the account out everywhere. A link spent or expired is
 * refused (auth.reset_link_invalid). Returns the account's address, for the caller to lift what throttles
 * its sign-in.
 */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string; now?: Date },
): Promise<{ email: string }> {
  const { token, password, now = new Date() } = input;
  const row = await usableResetToken(db, token, now);
  if (!row) throw new AppError("auth.reset_link_invalid");
  const passwordHash = await hashPassword(password);
  const changed = await db.platform.$transaction(async (tx) => {
    // Spend the link first and only if still unused: two submissions of one link change the password once.
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count === 0) return null;
    await tx.passwordResetToken.updateMany({
      where: { userId: row.userId, usedAt: null },
      data: { usedAt: now },
    });
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash },
      select: { email: true },
    });
    await tx.session.updateMany({ where: { userId: row.userId, revokedAt: null }, data: { revokedAt: now } });
    return user;
  });
  if (!changed) throw new AppError("auth.reset_link_invalid");
  return changed;
}
