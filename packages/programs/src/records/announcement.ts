import {
  type ApplicationRole,
  applicationRoles,
  type CohortSchedule,
  type CohortStatus,
  type EligibilityRule,
  type ProgramKind,
  placesToFill,
  recruitedRoles,
  type TeamShape,
} from "@mentoring/domain";
import { type placeCounts, quotaOf } from "./cohort-places";
import type { CohortRecord } from "./cohort-record";

export interface RolePlaces {
  role: ApplicationRole;
  quota: number;
  accepted: number;
  waitlisted: number;
  /** Places still free (0 when the quota is full: applicants then join the waitlist). */
  left: number;
  eligibility: EligibilityRule;
}

export interface Announcement {
  cohortId: string;
  title: string;
  number: number;
  status: CohortStatus;
  programName: string;
  kind: ProgramKind;
  description: string;
  teamShape: TeamShape;
  schedule: CohortSchedule;
  roles: RolePlaces[];
}

export function announcementOf(
  record: CohortRecord,
  counts: Awaited<ReturnType<typeof placeCounts>>,
): Announcement {
  const { cohort, definition } = record;
  return {
    cohortId: cohort.id,
    title: cohort.title,
    number: cohort.number,
    status: cohort.status as CohortStatus,
    programName: definition.name,
    kind: definition.kind,
    description: definition.description,
    teamShape: definition.teamShape,
    schedule: record.schedule,
    // A junior board recruits its members alone: the other role is not offered.
    roles: applicationRoles
      .filter((role) => recruitedRoles(definition.kind).includes(role))
      .map((role) => {
        const quota = quotaOf(cohort, role);
        return {
          role,
          quota,
          ...counts[role],
          left: placesToFill(quota, counts[role].accepted),
          eligibility: definition.roles[role].eligibility,
        };
      }),
  };
}
