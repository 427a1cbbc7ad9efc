import type { Database } from "@mentoring/db";
import type { JobName, JobPayload } from "@mentoring/jobs";
import type { Logger } from "../logger";
import type { Mailer } from "../mailer";

export interface JobContext {
  db: Database;
  log: Logger;
  /** Hands mail to the SMTP server. */
  mailer: Mailer;
  /** 0-100, shown as a progress bar wherever the job is watched. */
  progress(percent: number): Promise<void>;
  /** Aborted when the worker shuts down; long jobs stop at the next safe point. */
  signal: AbortSignal;
}

/** Every handler must be idempotent: running it twice with the same payload has the effect of once. */
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<unknown>;

export type JobHandlers = { [N in JobName]: JobHandler<N> };
