import { decryptSecret, encryptSecret } from "@mentoring/auth";
import type { z } from "zod";

/** What each sealed request is for, bound to it when sealed. */
export const sealPurposes = {
  throttledSignIn: "accounts.sign-in-throttled",
  passwordReset: "accounts.password-reset",
} as const;

/**
 * What a job needs that must not reach Redis in plain text (an e-mail address, a one-time link's token),
 * sealed with AES-GCM under DATA_ENCRYPTION_KEY. `purpose` is bound as additional data: a value sealed for
 * one job does not open as another's.
 */
export function sealRequest(value: object, encryptionKey: string, purpose: string): string {
  return encryptSecret(JSON.stringify(value), encryptionKey, purpose);
}

/** Opens what sealRequest sealed; throws when it was altered or sealed with another key or purpose. */
export function openRequest<S extends z.ZodTypeAny>(
  sealed: string,
  encryptionKey: string,
  purpose: string,
  schema: S,
): z.infer<S> {
  return schema.parse(JSON.parse(decryptSecret(sealed, encryptionKey, purpose)));
}
