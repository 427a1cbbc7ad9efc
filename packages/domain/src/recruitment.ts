import { type CalendarDate, calendarDateIn, compareCalendarDates } from "./calendar-date";
import type { CohortSchedule } from "./cohort-schedule";
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

/**
 * Where a day stands against a cohort's recruitment dates: not open yet, open, or closed. Both days count
 * as open, the last one to its end, on the tenant's wall calendar (a day, never a moment: ADR 0011).
 */
export type RecruitmentWindow =
  | { state: "open"; closesOn: CalendarDate }
  | { state: "not_yet_open"; opensOn: CalendarDate }
  | { state: "closed"; closedOn: CalendarDate };

export function recruitmentWindowOn(
  schedule: Pick<CohortSchedule, "recruitmentStart" | "recruitmentEnd">,
  today: CalendarDate,
): RecruitmentWindow {
  if (compareCalendarDates(today, schedule.recruitmentStart) < 0)
    return { state: "not_yet_open", opensOn: schedule.recruitmentStart };
  if (compareCalendarDates(today, schedule.recruitmentEnd) > 0)
    return { state: "closed", closedOn: schedule.recruitmentEnd };
  return { state: "open", closesOn: schedule.recruitmentEnd };
}

/** The same at a moment: the day it falls on in the tenant's time zone decides (23:59 in Seoul is still that day). */
export function recruitmentWindowAt(
  schedule: Pick<CohortSchedule, "recruitmentStart" | "recruitmentEnd">,
  now: Date,
  timeZone: string,
): RecruitmentWindow {
  return recruitmentWindowOn(schedule, calendarDateIn(now, timeZone));
}
