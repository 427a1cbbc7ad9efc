import type { Database } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import { z } from "zod";
import { openRequest, sealPurposes } from "../records/sealed-request";

/** An owner hears of throttled sign-ins at most this often, however long an attack lasts. */
export const THROTTLE_NOTICE_HOURS = 1;

/**
 * The worker's half of reportThrottledSignIn: mails the account's owner, in their language, that sign-in
 * was slowed and how a password reset lifts it. Nothing for an address without an account, and nothing
 * when they were told within the hour (which also makes running it twice harmless).
 */
export async function notifyThrottledSignIn(
  db: Database,
  input: { sealedEmail: string; locale: Locale; encryptionKey: string; appUrl: string; now?: Date },
): Promise<{ notified: boolean }> {
  const { email } = openRequest(
    input.sealedEmail,
    input.encryptionKey,
    sealPurposes.throttledSignIn,
    z.object({ email: z.string() }),
  );
  const now = input.now ?? new Date();
  const user = await db.platform.user.findUnique({
    where: { email },
    select: { email: true, displayName: true, locale: true },
  });
  if (!user) return { notified: false };
  const notified = await db.platform.$transaction(async (tx) => {
    // One notice at a time per address: two jobs at once must not both find none sent.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`throttle-notice:${user.email}`}))`;
    const recent = await tx.outgoingEmail.count({
      where: {
        toAddress: user.email,
        kind: "sign_in_throttled",
        createdAt: { gt: new Date(now.getTime() - THROTTLE_NOTICE_HOURS * 3600_000) },
      },
    });
    if (recent > 0) return false;
    await queueEmail(tx, {
      to: user.email,
      locale: (user.locale as Locale | null) ?? input.locale,
      message: {
        kind: "sign_in_throttled",
        name: user.displayName,
        link: new URL("/password/forgot", input.appUrl).toString(),
      },
    });
    return true;
  });
  return { notified };
}
