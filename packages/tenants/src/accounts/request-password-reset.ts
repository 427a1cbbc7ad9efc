import { newToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { enqueue } from "@mentoring/jobs";
import { sealPurposes, sealRequest } from "../records/sealed-request";

/**
 * Records a request for a password reset link and nothing else: one outbox row whose payload seals the
 * address and the new link's token. Whether the address has an account is for the worker to find out
 * (sendPasswordResetLink), so the request does the same work, and takes as long, either way: neither the
 * answer nor its timing tells who has an account.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; locale: Locale; encryptionKey: string },
): Promise<void> {
  const sealedRequest = sealRequest(
    { email: input.email.trim().toLowerCase(), token: newToken() },
    input.encryptionKey,
    sealPurposes.passwordReset,
  );
  await enqueue(db.platform, "accounts.password-reset", { sealedRequest, locale: input.locale });
}
