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
  /**
   * State a handler keeps across the attempts of its job (kept in the BullMQ job's data, so a retry or the
   * next worker after a kill reads what the last attempt wrote). Absent when a handler is called outside a
   * job. Only for marks that are safe to lose with the job (Redis emptied): the outcome itself belongs in the
   * database.
   */
  checkpoint?: JobCheckpoint;
}

export interface JobCheckpoint {
  /** What the last attempt wrote, or undefined. */
  read(): unknown;
  /** Replaces the state; resolves once Redis has it. */
  write(value: unknown): Promise<void>;
}

/** Every handler must be idempotent: running it twice with the same payload has the effect of once. */
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<unknown>;

export type JobHandlers = { [N in JobName]: JobHandler<N> };
