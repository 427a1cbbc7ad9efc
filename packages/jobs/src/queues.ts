import { type DefaultJobOptions, type JobState, Queue } from "bullmq";
import type { Redis } from "ioredis";

/**
 * Retries with exponential backoff; completed jobs are kept a week so that a repeated publish of the same
 * outbox event is recognised by its job id; failed jobs are kept a month in the visible failed list.
 */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** One Queue object per name, created on first use, sharing one producer connection. */
export class Queues {
  readonly #queues = new Map<string, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  get(name: string): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions });
      this.#queues.set(name, queue);
    }
    return queue;
  }

  async addBulk(queue: string, jobs: { name: string; data: unknown; opts?: object }[]): Promise<void> {
    await this.get(queue).addBulk(jobs);
  }

  /** Where a job is in Redis: "unknown" when Redis has no such job (never added, removed, or Redis lost it). */
  async jobState(queue: string, jobId: string): Promise<JobState | "unknown"> {
    return this.get(queue).getJobState(jobId);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
    this.#queues.clear();
  }
}
