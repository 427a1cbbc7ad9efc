import { verifyPassword } from "@mentoring/auth";
import type { Locale } from "@mentoring/i18n";
import { reportThrottledSignIn } from "@mentoring/tenants";
import { signInLimits, type Wait } from "./rate-limits.server";
import type { Services } from "./services.server";

/**
 * Password sign-in, throttled by address and by account and address (rate-limits.server.ts): wrong
 * passwords lock out the address they come from, not the account, and an account tried from many
 * addresses is slowed down. Its owner is told by mail; a password reset lifts it.
 */
export type SignInResult =
  | { ok: true; userId: string; locale: string | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; wait: Wait };

export async function signIn(
  services: Services,
  attempt: { email: string; password: string; address: string; locale: Locale },
): Promise<SignInResult> {
  const { password, address, locale } = attempt;
  const email = attempt.email.toLowerCase();
  const wait = await signInLimits.before(services, { email, address });
  if (wait) return { ok: false, reason: "throttled", wait };

  const user = await services.db.platform.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, locale: true },
  });
  if (user && (await verifyPassword(user.passwordHash, password))) {
    await signInLimits.succeeded(services, { email, address });
    return { ok: true, userId: user.id, locale: user.locale };
  }
  // An unknown address takes as long as a known one, and is counted the same.
  if (!user) await verifyPassword(null, password);

  const counted = await signInLimits.failed(services, { email, address });
  if (counted.notifyOwner) {
    await reportThrottledSignIn(services.db, {
      email,
      locale,
      encryptionKey: services.config.DATA_ENCRYPTION_KEY,
    });
  }
  return counted.wait
    ? { ok: false, reason: "throttled", wait: counted.wait }
    : { ok: false, reason: "invalid" };
}
