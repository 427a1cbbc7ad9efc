export { approveApplication, TRIAL_DAYS } from "./approve-application";
export { listPendingApplications } from "./list-pending-applications";
export { rejectApplication } from "./reject-application";
export { type ApplicationInput, applicationForm, submitApplication } from "./submit-application";
