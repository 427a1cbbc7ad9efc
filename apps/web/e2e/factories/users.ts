import { randomBytes } from "node:crypto";
import { hashPassword, hashToken, newToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";

/** Sessions made here last as long as the app's (SESSION_HOURS in app/services/session.server.ts). */
const SESSION_HOURS = 8;

/**
 * A sign-in identity of its own, with no membership: for a test that must not share an account (the
 * throttling test locks the one it uses).
 */
export async function createUser(
  db: Database,
  { displayName = "시험 사용자", password }: { displayName?: string; password?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = `user-${randomBytes(4).toString("hex")}@e2e.example.kr`;
  return db.platform.user.create({
    data: { email, displayName, passwordHash: password ? await hashPassword(password) : null },
    select: { id: true, email: true },
  });
}

/**
 * A session as sign-in starts it (a row holding the hash of a random token, the user in its data), without
 * the form. Returns the token the session cookie carries, and the user's saved language.
 */
export async function createSession(
  db: Database,
  email: string,
): Promise<{ token: string; locale: string | null }> {
  const user = await db.platform.user.findUniqueOrThrow({
    where: { email: email.toLowerCase() },
    select: { id: true, locale: true },
  });
  const token = newToken();
  await db.platform.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: user.id,
      data: { userId: user.id },
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    },
  });
  return { token, locale: user.locale };
}
