import { config } from "@mentoring/config";
import { notifyThrottledSignIn } from "@mentoring/tenants";
import type { JobHandler } from "./handler";

/** Mails the owner of an account whose sign-in was throttled (nothing for an address without an account). */
export const notifySignInThrottled: JobHandler<"accounts.sign-in-throttled"> = async (
  { sealedEmail, locale },
  { db },
) => {
  const { DATA_ENCRYPTION_KEY, APP_URL } = config();
  return notifyThrottledSignIn(db, {
    sealedEmail,
    locale,
    encryptionKey: DATA_ENCRYPTION_KEY,
    appUrl: APP_URL,
  });
};
