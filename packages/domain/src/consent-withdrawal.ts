import type { CohortStatus } from "./cohort-lifecycle";

/** The directory fields a person may ask to have corrected, in the order the page lists them. */
export const correctableFields = [
  "name",
  "department",
  "grade",
  "position_title",
  "hire_date",
  "birth_year",
  "email",
  "phone",
] as const;
export type CorrectableField = (typeof correctableFields)[number];

export type ApplicationState = "accepted" | "waitlisted" | "withdrawn" | "rejected";

/**
 * What withdrawing consent for a cohort does to one application, shown to the person before they confirm
 * and done by the use case: the same rule for both, so the page never promises what is not done.
 *
 * Consent can be withdrawn at any time (PIPA art. 37), whatever the cohort's phase: a live application is
 * withdrawn with it (its place goes to the waitlist only while places are still being filled: recruiting
 * and orientation, as a plain withdrawal), the person leaves their published team, and their answers are no
 * longer used for matching (matching reads accepted applications alone). A team left short of the
 * template's shape stays published: the person's right comes before the shape, and the coordinators are
 * told which team to look at. What the law keeps stays (the application's record, signed certificates,
 * the program's records, the audit log).
 */
export function consentWithdrawalEffects(input: {
  cohortStatus: CohortStatus;
  applicationStatus: ApplicationState;
  /** The published team they are in, if any. */
  teamNumber: number | null;
  /** Certificates were issued for their team (signed: kept as they are). */
  certificatesIssued: boolean;
}) {
  const live = input.applicationStatus === "accepted" || input.applicationStatus === "waitlisted";
  const filling = input.cohortStatus === "recruiting" || input.cohortStatus === "orientation";
  return {
    withdrawsApplication: live,
    placeToWaitlist: live && filling && input.applicationStatus === "accepted",
    leavesTeam: input.teamNumber,
    coordinatorTold: true,
    keepsCertificates: input.certificatesIssued,
    /** Anything the team did with them is a record of the program once activities began. */
    keepsRecords: input.teamNumber !== null,
  };
}
export type ConsentWithdrawalEffects = ReturnType<typeof consentWithdrawalEffects>;
