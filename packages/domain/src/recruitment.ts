import type { EligibilityFailure, EligibilityResult } from "./eligibility";

export const applicationStatuses = ["accepted", "waitlisted", "withdrawn", "rejected"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/**
 * The version of the personal-data consent text (개인정보 수집·이용 동의, PIPA art. 15) an applicant agrees
 * to. The text itself is in the i18n resources under `recruitment.consent.<version>`; a new wording gets a
 * new version, so every application records exactly what its applicant read. "2026-12" names what the
 * program year records (activities, meetings, submissions, attendance) and who sees counselling notes.
 */
export const CONSENT_VERSION = "2026-12" as const;

export type ApplicationDecision =
  | { outcome: "refused"; failures: EligibilityFailure[] }
  | { outcome: "accepted" }
  | { outcome: "waitlisted"; position: number };

/**
 * What becomes of an application: refused with every reason when the applicant is not eligible;
 * otherwise accepted while the role's quota has room, waitlisted behind those already waiting when not.
 * The caller must hold the role's quota lock while counting, so that two applicants cannot both take the
 * last place.
 */
export function decideApplication(input: {
  eligibility: EligibilityResult;
  quota: number;
  accepted: number;
  waitlisted: number;
}): ApplicationDecision {
  if (!input.eligibility.eligible) return { outcome: "refused", failures: input.eligibility.failures };
  if (input.accepted < input.quota) return { outcome: "accepted" };
  return { outcome: "waitlisted", position: input.waitlisted + 1 };
}

/** How many waitlisted applications a freed quota lets in: the earliest first. */
export function placesToFill(quota: number, accepted: number): number {
  return Math.max(0, quota - accepted);
}
