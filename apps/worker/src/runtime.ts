import type { Database } from "@mentoring/db";
import {
  isJobName,
  type JobName,
  jobKeyOf,
  parseJobPayload,
  type QueueName,
  queueNames,
  withRequestId,
} from "@mentoring/jobs";
import { type Job, UnrecoverableError, WaitingError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { JobHandlers } from "./jobs";
import { finalFailureHandlers } from "./jobs/final-failures";
import type { JobCheckpoint } from "./jobs/handler";
import type { Logger } from "./logger";
import type { Mailer } from "./mailer";

export interface WorkerRuntime {
  workers: Worker[];
  /**
   * Stops taking jobs and lets active ones finish; after `graceMs` it releases those still running back to
   * the waiting list (their handlers are aborted), so another worker picks them up at once.
   */
  close(graceMs: number): Promise<void>;
}

/** What every handler is given, besides its payload. */
export interface ProcessorOptions {
  db: Database;
  mailer: Mailer;
  handlers: JobHandlers;
  log: Logger;
}

/** Runs one job: validates its payload, calls its handler, and releases it if the worker shuts down. */
export function createProcessor({ db, mailer, handlers, log }: ProcessorOptions) {
  return async (job: Job, token?: string, signal?: AbortSignal): Promise<unknown> => {
    const requestId = requestIdOf(job);
    const jobLog = log.child({
      queue: job.queueName,
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade + 1,
      // The request whose outbox row became this job: one id finds the request's lines and its jobs'.
      ...(requestId ? { requestId } : {}),
    });
    if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job kind: ${job.name}`);
    let payload: unknown;
    try {
      payload = parseJobPayload(job.name, job.data);
    } catch (error) {
      // A malformed payload will not improve with retries.
      throw new UnrecoverableError((error as Error).message);
    }
    const abort = signal ?? new AbortController().signal;
    const handler = handlers[job.name] as (payload: unknown, context: object) => Promise<unknown>;
    jobLog.info("job started");
    const released = new Promise<never>((_, reject) => {
      abort.addEventListener(
        "abort",
        () => {
          jobLog.warn("worker shutting down: job released to the waiting list");
          job.moveToWait(token).then(() => reject(new WaitingError()), reject);
        },
        { once: true },
      );
    });
    released.catch(() => {});
    const result = await Promise.race([
      // Jobs this one enqueues carry the same request id.
      withRequestId(requestId, () =>
        handler(payload, {
          db,
          log: jobLog,
          mailer,
          progress: (percent: number) => job.updateProgress(percent),
          signal: abort,
          checkpoint: checkpointOf(job),
        }),
      ),
      released,
    ]).catch((error: unknown) => {
      throw boundedForRedis(error);
    });
    await recordCompletion(db, job.id, jobLog);
    jobLog.info("job completed");
    return result;
  };
}

/** The id of the request whose outbox row became this job (the relay puts it beside the payload), if any. */
export function requestIdOf(job: Job | undefined): string | undefined {
  const requestId = (job?.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof requestId === "string" ? requestId : undefined;
}

/** Characters of a failed job's message and stack that BullMQ keeps in Redis. */
const MAX_FAILURE_TEXT = 2_000;

/**
 * The error as BullMQ stores it (failedReason, stacktrace, in Redis, in plain text), shortened: a database
 * error's message can quote the whole statement with its arguments, megabytes of them and personal data
 * among them, copied again into every attempt's stack trace. The error keeps its class (BullMQ treats
 * UnrecoverableError and its own signalling errors by class).
 */
export function boundedForRedis(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error.message.length > MAX_FAILURE_TEXT)
    error.message = `${error.message.slice(0, MAX_FAILURE_TEXT)}… (${error.message.length} characters)`;
  if (error.stack && error.stack.length > MAX_FAILURE_TEXT)
    error.stack = `${error.stack.slice(0, MAX_FAILURE_TEXT)}…`;
  return error;
}

/**
 * A handler's state across attempts, kept beside the payload in the job's data (`checkpoint`); the payload
 * schemas drop the key when they parse, so handlers never see it as input.
 */
function checkpointOf(job: Job): JobCheckpoint {
  return {
    read: () => (job.data as { checkpoint?: unknown } | undefined)?.checkpoint,
    write: async (value) => {
      await job.updateData({ ...(job.data as object), checkpoint: value });
    },
  };
}

/**
 * Marks the job's outbox row completed once its handler succeeded: from then on the relay's reconcile step
 * leaves it alone. If the mark cannot be written, the job still completes (its handler is not run again
 * for that): the reconcile step finds the job completed in Redis and records it then.
 */
async function recordCompletion(db: Database, jobId: string | undefined, log: Logger): Promise<void> {
  const key = jobKeyOf(jobId);
  if (!key) return;
  try {
    await db.platform.$executeRaw`
      update outbox_events set completed_at = now()
      where job_key = ${key}::uuid and completed_at is null`;
  } catch (error) {
    log.warn({ err: error }, "could not mark the outbox row completed: the relay's reconcile step will");
  }
}

/** Records on the outbox row that its job failed for good, so that the reconcile step does not republish it. */
async function recordFinalFailure(db: Database, jobId: string | undefined, reason: string): Promise<void> {
  const key = jobKeyOf(jobId);
  if (!key) return;
  await db.platform.$executeRaw`
    update outbox_events set failed_at = now(), last_error = ${reason.slice(0, 2_000)}
    where job_key = ${key}::uuid and completed_at is null and failed_at is null`;
}

/** Runs the job kind's final-failure handler, if it has one (a matching run left "running" is failed). */
function leaveNothingUnderWay(db: Database, log: Logger, job: Job, reason: string): void {
  if (!isJobName(job.name)) return;
  const onFinalFailure = finalFailureHandlers[job.name] as
    | ((payload: unknown, context: { db: Database; log: Logger }, reason: string) => Promise<void>)
    | undefined;
  if (!onFinalFailure) return;
  Promise.resolve()
    .then(() => onFinalFailure(parseJobPayload(job.name as JobName, job.data), { db, log }, reason))
    .catch((err) =>
      log.error(
        { jobId: job.id, requestId: requestIdOf(job), err },
        "could not record the failed job's work as failed",
      ),
    );
}

/**
 * How many times a job may lose its worker (killed, out of memory, lock lost) and be started again before
 * BullMQ fails it. BullMQ's default is 1: a job whose worker died twice went to the failed list.
 */
export const MAX_STALLED_COUNT = 3;

export function startWorkers(
  options: ProcessorOptions & {
    connection: Redis;
    prefix: string;
    concurrency: number;
    queues?: readonly QueueName[];
    /**
     * How long a job's lock lasts without renewal, and how often workers look for jobs whose lock expired
     * (their worker died). BullMQ's defaults (30 s each) unless a test needs a dead worker noticed sooner.
     */
    lockDurationMs?: number;
    stalledIntervalMs?: number;
  },
): WorkerRuntime {
  const { connection, prefix, concurrency, log, db } = options;
  const processor = createProcessor(options);
  const workers = (options.queues ?? queueNames).map((queue) => {
    const worker = new Worker(queue, processor, {
      connection,
      prefix,
      concurrency,
      maxStalledCount: MAX_STALLED_COUNT,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    });
    worker.on("failed", (job, error) => {
      // BullMQ sets finishedOn only when it moves the job to the failed list; a job it retries has none.
      // (Counting attempts is not enough: an UnrecoverableError, or a job that stalled too often, fails
      // for good with attempts left.)
      const final = job ? Boolean(job.finishedOn) : true;
      log[final ? "error" : "warn"](
        {
          queue,
          job: job?.name,
          jobId: job?.id,
          requestId: requestIdOf(job),
          attempt: job?.attemptsMade,
          err: error,
          final,
        },
        final ? "job failed for good: it stays in the failed list" : "job failed: it will be retried",
      );
      if (final && job) {
        recordFinalFailure(db, job.id, error.message).catch((err) =>
          log.warn(
            { queue, jobId: job.id, err },
            "could not mark the outbox row failed: the reconcile step will",
          ),
        );
        leaveNothingUnderWay(db, log, job, error.message);
      }
    });
    worker.on("stalled", (jobId) =>
      log.warn(
        { queue, jobId, maxStalledCount: MAX_STALLED_COUNT },
        "job stalled (its worker died or lost the lock): started again unless it stalled more than maxStalledCount times",
      ),
    );
    worker.on("error", (error) => log.error({ queue, err: error }, "worker error"));
    return worker;
  });

  return {
    workers,
    async close(graceMs) {
      const finished = Promise.all(workers.map((worker) => worker.close()));
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([
        finished.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(resolve, graceMs, false);
        }),
      ]);
      clearTimeout(timer);
      if (!inTime) {
        log.warn({ graceMs }, "active jobs did not finish in time: releasing them");
        for (const worker of workers) worker.cancelAllJobs("shutdown");
        await finished;
      }
    },
  };
}
