import type { Database } from "@mentoring/db";
import type { Locale } from "@mentoring/i18n";
import { enqueue } from "@mentoring/jobs";
import { sealPurposes, sealRequest } from "../records/sealed-request";

/**
 * Asks for the owner of `email` to be told that sign-in to their account was throttled. Only the request
 * is recorded (an outbox row, the address sealed): whether the account exists is for the worker to find
 * out, so this takes as long for an address nobody has.
 */
export async function reportThrottledSignIn(
  db: Database,
  input: { email: string; locale: Locale; encryptionKey: string },
): Promise<void> {
  const sealedEmail = sealRequest(
    { email: input.email.toLowerCase() },
    input.encryptionKey,
    sealPurposes.throttledSignIn,
  );
  await enqueue(db.platform, "accounts.sign-in-throttled", { sealedEmail, locale: input.locale });
}
