import type { Database } from "@mentoring/db";
import { isJobName, parseJobPayload, type QueueName, queueNames } from "@mentoring/jobs";
import { type Job, UnrecoverableError, WaitingError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { JobHandlers } from "./jobs";
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
    const jobLog = log.child({
      queue: job.queueName,
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade + 1,
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
      handler(payload, {
        db,
        log: jobLog,
        mailer,
        progress: (percent: number) => job.updateProgress(percent),
        signal: abort,
      }),
      released,
    ]);
    jobLog.info("job completed");
    return result;
  };
}

export function startWorkers(
  options: ProcessorOptions & {
    connection: Redis;
    prefix: string;
    concurrency: number;
    queues?: readonly QueueName[];
  },
): WorkerRuntime {
  const { connection, prefix, concurrency, log } = options;
  const processor = createProcessor(options);
  const workers = (options.queues ?? queueNames).map((queue) => {
    const worker = new Worker(queue, processor, { connection, prefix, concurrency });
    worker.on("failed", (job, error) => {
      const final = job ? job.attemptsMade >= (job.opts.attempts ?? 1) : true;
      log[final ? "error" : "warn"](
        { queue, job: job?.name, jobId: job?.id, err: error, final },
        final ? "job failed for good: it stays in the failed list" : "job failed: it will be retried",
      );
    });
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
