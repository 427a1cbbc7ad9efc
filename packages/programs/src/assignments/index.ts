/*
 * Program-wide assignments: teams hand in their work (text and links), revise it until the due moment,
 * and the coordinator reviews it and features the best on the tenant's showcase. When a team may hand in:
 * packages/domain submission.ts.
 */
export { type CohortSubmissions, getCohortSubmissions } from "./get-cohort-submissions";
export { type AgendaItem, getParticipantAgenda } from "./get-participant-agenda";
export { listMyAssignments, type MyAssignment, type MyTeamAssignments } from "./list-my-assignments";
export { listShowcase, type ShowcaseWork } from "./list-showcase";
export { reviewSubmission, type SubmissionDecision } from "./review-submission";
export { submitAssignment } from "./submit-assignment";
