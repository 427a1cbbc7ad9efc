import {
  type BuiltinTemplateKey,
  builtinTemplate,
  type CohortStatus,
  calendarDate,
  evaluateEligibility,
} from "@mentoring/domain";
import type { SeedStaffMember, SeedTenant } from "./directory";
import { GANGNEUNG_AS_OF } from "./gangneung";
import { YONGIN_AS_OF } from "./yongin";

/** A cohort the seed runs for a city, as product.md describes the two real programs. */
export interface SeededCohort {
  template: BuiltinTemplateKey;
  number: number;
  status: CohortStatus;
  recruitmentStart: string;
  /** Accepted applicants per role: the first eligible people in directory order. */
  mentors: number;
  mentees: number;
  /**
   * Every n-th participant of each role, starting with the first, has not started the pre-surveys; the
   * others have submitted them. Null: everyone has.
   */
  unansweredEvery: number | null;
}

export const seededCohorts: Record<string, SeededCohort[]> = {
  // Gangneung's 거꾸로 멘토링 2기: recruited 22 Jan - 10 Feb 2025, everyone surveyed at the 21 Feb orientation.
  gangneung: [
    {
      template: "reverse_mentoring",
      number: 2,
      status: "orientation",
      recruitmentStart: GANGNEUNG_AS_OF,
      mentors: 30,
      mentees: 10,
      unansweredEvery: null,
    },
  ],
  // Yongin's new-official mentoring: 14 mentors and 24 new officials in orientation, a 2nd cohort recruiting.
  yongin: [
    {
      template: "new_official_mentoring",
      number: 1,
      status: "orientation",
      recruitmentStart: YONGIN_AS_OF,
      mentors: 14,
      mentees: 24,
      unansweredEvery: 3,
    },
    {
      template: "new_official_mentoring",
      number: 2,
      status: "recruiting",
      recruitmentStart: "2025-07-01",
      mentors: 0,
      mentees: 0,
      unansweredEvery: null,
    },
  ],
};

/** Juniors eligible at Gangneung beyond the 30 seeded mentors: people a test can have apply. */
export const SPARE_APPLICANTS = 4;

function eligibleFor(seed: SeedTenant, cohort: SeededCohort, role: "mentor" | "mentee"): SeedStaffMember[] {
  const rule = builtinTemplate(cohort.template).roles[role].eligibility;
  const at = calendarDate(cohort.recruitmentStart);
  return seed.staff.filter(
    (person) =>
      person.active &&
      evaluateEligibility(
        rule,
        {
          grade: person.grade,
          hireDate: calendarDate(person.hireDate),
          departmentId: person.departmentCode,
          positionTitle: person.positionTitle,
          birthYear: person.birthYear,
        },
        at,
      ).eligible,
  );
}

/**
 * Who takes part in a seeded cohort: the first eligible people of the directory, mentors and mentees;
 * `spare` are the next eligible mentors, who have not applied. Deterministic.
 */
export function cohortCast(seed: SeedTenant, cohort: SeededCohort) {
  const mentors = eligibleFor(seed, cohort, "mentor");
  const mentees = eligibleFor(seed, cohort, "mentee");
  if (mentors.length < cohort.mentors + SPARE_APPLICANTS || mentees.length < cohort.mentees) {
    throw new Error(`${seed.slug}: the directory has too few eligible people for cohort ${cohort.number}`);
  }
  return {
    mentors: mentors.slice(0, cohort.mentors),
    mentees: mentees.slice(0, cohort.mentees),
    spare: mentors.slice(cohort.mentors, cohort.mentors + SPARE_APPLICANTS),
  };
}

/** Everyone in a seeded cohort or spare for one: they get participant accounts to sign in with. */
export function castOf(seed: SeedTenant): SeedStaffMember[] {
  const people = new Map<string, SeedStaffMember>();
  for (const cohort of seededCohorts[seed.slug] ?? []) {
    const cast = cohortCast(seed, cohort);
    for (const person of [...cast.mentors, ...cast.mentees, ...cast.spare])
      people.set(person.employeeNumber, person);
  }
  return [...people.values()];
}
