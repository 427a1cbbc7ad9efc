import type { Database } from "@mentoring/db";
import { usableResetToken } from "../records/reset-token";

/** Whether a password reset link can still be used, for its page to offer the form or say it cannot. */
export async function checkResetLink(db: Database, input: { token: string; now?: Date }): Promise<boolean> {
  return (await usableResetToken(db, input.token, input.now ?? new Date())) !== null;
}
