import { hashToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";

/** A password reset link's row while it can still be used (not spent, not expired at `now`), else null. */
export async function usableResetToken(db: Database, token: string, now: Date) {
  const row = await db.platform.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row && !row.usedAt && row.expiresAt > now ? row : null;
}
