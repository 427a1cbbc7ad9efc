/*
 * Recruitment: staff apply to a recruiting cohort (or a coordinator nominates them), eligibility is judged
 * against the directory on the cohort's first day of recruitment, and places are given in order under the
 * cohort's row lock, so that a role never has more accepted applications than its quota, however many
 * people press the button at once. Withdrawals and rejections free a place for the earliest waitlisted.
 */

export type { Announcement, RolePlaces } from "../records/announcement";
export { type ApplicantFilter, type ApplicantRow, applicantFilterSchema } from "../records/applicant-rows";
export type { OwnApplicationInput } from "../records/application-record";
export { quotaOf } from "../records/cohort-places";
export { departmentsNamedIn } from "../records/department-names";
export type { PlacementOutcome } from "../records/placement";
export { candidateOf } from "../records/staff-candidate";
export { type ApplyInput, applyToCohort } from "./apply-to-cohort";
export { consentToNomination } from "./consent-to-nomination";
export { exportApplicants } from "./export-applicants";
export { getCohortAnnouncement } from "./get-cohort-announcement";
export { listCohortApplicants } from "./list-cohort-applicants";
export { listRecruitingCohorts } from "./list-recruiting-cohorts";
export { listStaffApplications, type OwnApplication } from "./list-staff-applications";
export {
  MAX_NOMINATIONS,
  type NominateInput,
  type NominationResult,
  nominateToCohort,
} from "./nominate-to-cohort";
export { REJECTION_REASON_MAX, type RejectInput, rejectApplication } from "./reject-application";
export { withdrawApplication } from "./withdraw-application";
