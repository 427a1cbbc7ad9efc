import type { JobHandlers } from "./handler";
import { purgeOutbox } from "./purge-outbox";
import { sendEmail } from "./send-email";

/** One handler per job kind; the type makes a job kind without a handler a compile error. */
export const handlers: JobHandlers = {
  "maintenance.purge-outbox": purgeOutbox,
  "email.send": sendEmail,
};

export type { JobContext, JobHandler, JobHandlers } from "./handler";
