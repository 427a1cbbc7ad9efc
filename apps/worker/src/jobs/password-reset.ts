import { config } from "@mentoring/config";
import { sendPasswordResetLink } from "@mentoring/tenants";
import type { JobHandler } from "./handler";

/** Mails the reset link a person asked for, when the address has an account (nothing otherwise). */
export const sendPasswordReset: JobHandler<"accounts.password-reset"> = async (
  { sealedRequest, locale },
  { db },
) => {
  const { DATA_ENCRYPTION_KEY, APP_URL } = config();
  return sendPasswordResetLink(db, {
    sealedRequest,
    locale,
    encryptionKey: DATA_ENCRYPTION_KEY,
    appUrl: APP_URL,
  });
};
