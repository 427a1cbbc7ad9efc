import { hashToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import { z } from "zod";
import { openRequest, sealPurposes } from "../records/sealed-request";

export const RESET_LINK_MINUTES = 30;

const sealedReset = z.object({ email: z.string(), token: z.string().min(32) });

/**
 * The worker's half of requestPasswordReset: when the address has an account, stores the link (its
 * token's hash) and queues its mail together, in the account's language. Nothing for an address without
 * an account. The token was chosen with the request, so running this twice stores one link and one mail.
 */
export async function sendPasswordResetLink(
  db: Database,
  input: { sealedRequest: string; locale: Locale; encryptionKey: string; appUrl: string; now?: Date },
): Promise<{ sent: boolean }> {
  const { email, token } = openRequest(
    input.sealedRequest,
    input.encryptionKey,
    sealPurposes.passwordReset,
    sealedReset,
  );
  const now = input.now ?? new Date();
  const user = await db.platform.user.findUnique({ where: { email } });
  // A disabled account (a national analyst the operator disabled) gets no link to set a password with.
  if (!user || user.disabledAt) return { sent: false };
  const tokenHash = hashToken(token);
  const sent = await db.platform.$transaction(async (tx) => {
    // The same request run again: its link and mail exist already.
    if (await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true } })) return false;
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      },
    });
    await queueEmail(tx, {
      to: user.email,
      locale: (user.locale as Locale | null) ?? input.locale,
      message: {
        kind: "password_reset",
        name: user.displayName,
        link: new URL(`/password/reset/${token}`, input.appUrl).toString(),
        validMinutes: RESET_LINK_MINUTES,
      },
    });
    return true;
  });
  return { sent };
}
