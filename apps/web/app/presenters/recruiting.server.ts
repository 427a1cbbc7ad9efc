import {
  type CalendarDate,
  describeTeamShape,
  type EligibilityFailure,
  type EligibilityRule,
  recruitmentWindowOn,
  scheduleFields,
} from "@mentoring/domain";
import type { MessageKey } from "@mentoring/i18n";
import type { Announcement, OwnApplication, PlacementOutcome } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

/** A message to show: an i18n key of the common namespace with its values, translated by the page. */
export interface Phrase {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A rule in plain words, one phrase per part; "open to all" when it has none. */
export function ruleInWords(rule: EligibilityRule, departments: Record<string, string>): Phrase[] {
  const phrases: Phrase[] = [];
  if (rule.grade) {
    phrases.push({
      key: "recruitment.rule.grade",
      params: { min: rule.grade.min ?? 1, max: rule.grade.max ?? 9 },
    });
  }
  const years = rule.yearsOfService;
  if (years) {
    if (years.max === 0 && !years.min) phrases.push({ key: "recruitment.rule.yearsOfService.underOne" });
    else if (years.min !== undefined && years.max !== undefined)
      phrases.push({
        key: "recruitment.rule.yearsOfService.range",
        params: { min: years.min, max: years.max },
      });
    else if (years.min !== undefined)
      phrases.push({ key: "recruitment.rule.yearsOfService.min", params: { min: years.min } });
    else if (years.max !== undefined)
      phrases.push({ key: "recruitment.rule.yearsOfService.max", params: { max: years.max } });
  }
  const hire = rule.hireDate;
  if (hire?.from && hire.to)
    phrases.push({ key: "recruitment.rule.hireDate.range", params: { from: hire.from, to: hire.to } });
  else if (hire?.from) phrases.push({ key: "recruitment.rule.hireDate.from", params: { from: hire.from } });
  else if (hire?.to) phrases.push({ key: "recruitment.rule.hireDate.to", params: { to: hire.to } });
  const born = rule.birthYear;
  if (born?.min !== undefined && born.max !== undefined)
    phrases.push({ key: "recruitment.rule.birthYear.range", params: { min: born.min, max: born.max } });
  else if (born?.min !== undefined)
    phrases.push({ key: "recruitment.rule.birthYear.min", params: { min: born.min } });
  else if (born?.max !== undefined)
    phrases.push({ key: "recruitment.rule.birthYear.max", params: { max: born.max } });
  const names = (codes: string[]) => codes.map((code) => departments[code] ?? code).join(", ");
  if (rule.departments?.include)
    phrases.push({
      key: "recruitment.rule.departments.include",
      params: { list: names(rule.departments.include) },
    });
  if (rule.departments?.exclude?.length)
    phrases.push({
      key: "recruitment.rule.departments.exclude",
      params: { list: names(rule.departments.exclude) },
    });
  if (rule.positionTitles?.include)
    phrases.push({
      key: "recruitment.rule.positionTitles.include",
      params: { list: rule.positionTitles.include.join(", ") },
    });
  if (rule.positionTitles?.exclude?.length)
    phrases.push({
      key: "recruitment.rule.positionTitles.exclude",
      params: { list: rule.positionTitles.exclude.join(", ") },
    });
  return phrases.length > 0 ? phrases : [{ key: "recruitment.rule.anyone" }];
}

/** Each reason an applicant is turned away, as its message. */
export function failuresInWords(failures: EligibilityFailure[]): Phrase[] {
  return failures.map((failure) => ({ key: `eligibility.failure.${failure.code}`, params: failure.params }));
}

/**
 * A cohort's announcement as the staff pages show it: the rules of each role in words, and whether its
 * applications are open today (the tenant's), not open yet or closed by its dates.
 */
export function presentAnnouncement(
  announcement: Announcement,
  departments: Record<string, string>,
  today: CalendarDate,
) {
  return {
    window: recruitmentWindowOn(announcement.schedule, today),
    cohortId: announcement.cohortId,
    title: announcement.title,
    programName: announcement.programName,
    kind: announcement.kind,
    status: announcement.status,
    description: announcement.description,
    teamShape: describeTeamShape(announcement.teamShape).split(":") as [string, string],
    period: { from: announcement.schedule.recruitmentStart, to: announcement.schedule.recruitmentEnd },
    schedule: scheduleFields.map((field) => ({ field, date: announcement.schedule[field] })),
    roles: announcement.roles.map((role) => ({
      role: role.role,
      quota: role.quota,
      left: role.left,
      waitlisted: role.waitlisted,
      rules: ruleInWords(role.eligibility, departments),
    })),
  };
}

export type AnnouncementView = ReturnType<typeof presentAnnouncement>;

/** One's own application, its time of applying in the tenant's time zone. */
export function presentOwnApplication(application: OwnApplication, locale: string, timeZone: string) {
  return { ...application, submittedAt: formatDateTime(application.submittedAt, locale, timeZone) };
}

export type OwnApplicationView = ReturnType<typeof presentOwnApplication>;

/** What applying came to, for the page: a place, a spot on the waitlist, or every reason it was refused. */
export function presentApplyOutcome(placed: PlacementOutcome) {
  switch (placed.outcome) {
    case "refused":
      return { outcome: "refused" as const, reasons: failuresInWords(placed.failures) };
    case "waitlisted":
      return { outcome: "waitlisted" as const, position: placed.position };
    case "accepted":
      return { outcome: "accepted" as const };
  }
}
