import { advanceCohorts } from "./advance-cohorts";
import { applyDirectoryImport } from "./directory-apply";
import { validateDirectoryImport } from "./directory-validate";
import { enforceGrace } from "./enforce-grace";
import type { JobHandlers } from "./handler";
import { purgeOutbox } from "./purge-outbox";
import { sendEmail } from "./send-email";
import { handleStripeEvent } from "./stripe-event";
import { sendSurveyReminders } from "./survey-reminders";

/** One handler per job kind; the type makes a job kind without a handler a compile error. */
export const handlers: JobHandlers = {
  "maintenance.purge-outbox": purgeOutbox,
  "directory.validate": validateDirectoryImport,
  "directory.apply": applyDirectoryImport,
  "billing.stripe-event": handleStripeEvent,
  "billing.enforce-grace": enforceGrace,
  "email.send": sendEmail,
  "cohorts.advance-by-date": advanceCohorts,
  "surveys.send-reminders": sendSurveyReminders,
};

export type { JobContext, JobHandler, JobHandlers } from "./handler";
