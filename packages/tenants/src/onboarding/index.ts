export { approveApplication, TRIAL_DAYS } from "./approve-application";
export { listPendingApplications } from "./list-pending-applications";
export { listTenants } from "./list-tenants";
export { rejectApplication } from "./reject-application";
export { type ApplicationInput, applicationForm, submitApplication } from "./submit-application";
