import type { Verification } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

/**
 * The public check of a serial as the page shows it. The page has no tenant, so the revocation's day is
 * given in Korea's time zone, where every issuing organisation is.
 */
export function presentVerification(verification: Verification, locale: string) {
  if (verification.status === "not_found") return verification;
  return {
    ...verification,
    revokedAt: verification.revokedAt
      ? formatDateTime(verification.revokedAt, locale, "Asia/Seoul", { dateStyle: "long" })
      : null,
  };
}
