import type { JobHandlers } from "./handler";
import { purgeOutbox } from "./purge-outbox";

/** One handler per job kind; the type makes a job kind without a handler a compile error. */
export const handlers: JobHandlers = {
  "maintenance.purge-outbox": purgeOutbox,
};

export type { JobContext, JobHandler, JobHandlers } from "./handler";
