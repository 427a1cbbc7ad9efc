import { purgeAccessLogsJob, reviewAccessLogsJob } from "./access-log";
import { advanceCohorts } from "./advance-cohorts";
import { generateCertificatesJob } from "./certificates-generate";
import { cohortReportJob } from "./cohort-report";
import { applyDirectoryImport } from "./directory-apply";
import { validateDirectoryImport } from "./directory-validate";
import { enforceGrace } from "./enforce-grace";
import { failStaleWork } from "./fail-stale-work";
import type { JobHandlers } from "./handler";
import { aggregateInsightsJob } from "./insights-aggregate";
import { runMatchingJob } from "./matching-run";
import { nudgeSilentTeams } from "./nudge-silent-teams";
import { sendPasswordReset } from "./password-reset";
import { purgeOutbox } from "./purge-outbox";
import { remindAssignments } from "./remind-assignments";
import { remindTomorrow } from "./remind-tomorrow";
import { purgeRetention } from "./retention-purge";
import { sendEmail } from "./send-email";
import { notifySignInThrottled } from "./sign-in-throttled";
import { handleStripeEvent } from "./stripe-event";
import { sendSurveyReminders } from "./survey-reminders";
import { sweepUploads } from "./sweep-uploads";

/** One handler per job kind; the type makes a job kind without a handler a compile error. */
export const handlers: JobHandlers = {
  "maintenance.purge-outbox": purgeOutbox,
  "maintenance.fail-stale-work": failStaleWork,
  "maintenance.sweep-uploads": sweepUploads,
  "privacy.purge-access-logs": purgeAccessLogsJob,
  "privacy.access-review": reviewAccessLogsJob,
  "directory.validate": validateDirectoryImport,
  "directory.apply": applyDirectoryImport,
  "billing.stripe-event": handleStripeEvent,
  "billing.enforce-grace": enforceGrace,
  "email.send": sendEmail,
  "accounts.sign-in-throttled": notifySignInThrottled,
  "accounts.password-reset": sendPasswordReset,
  "cohorts.advance-by-date": advanceCohorts,
  "insights.aggregate": aggregateInsightsJob,
  "surveys.send-reminders": sendSurveyReminders,
  "teams.nudge-silent": nudgeSilentTeams,
  "privacy.retention-purge": purgeRetention,
  "calendar.remind-tomorrow": remindTomorrow,
  "assignments.remind-due": remindAssignments,
  "matching.run": runMatchingJob,
  "certificates.generate": generateCertificatesJob,
  "reports.cohort-report": cohortReportJob,
};

export type { JobContext, JobHandler, JobHandlers } from "./handler";
