import type { Database, ReplicaLagReader } from "@mentoring/db";
import { registerDatabaseGauges } from "@mentoring/db/metrics";
import type { Queues } from "@mentoring/jobs";
import type { Worker } from "bullmq";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds up to which jobs are counted: a mail takes well under one, a report or matching run minutes. */
const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600];

/** The states of a queue worth watching: work piling up, running, scheduled, and given up on. */
const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;

/**
 * The worker's Prometheus figures: job durations by queue, kind and outcome; each queue's jobs by state
 * (read from Redis when scraped); the outbox's backlog and the age of its oldest unpublished row (read from
 * PostgreSQL when scraped: a growing age means the relay is stuck or Redis is away); the database pool's
 * use; the read replica's lag when one is configured; Node's own.
 */
export function createWorkerMetrics(options: {
  db: Database;
  queues: Queues;
  queueNames: readonly string[];
  replicaLag?: ReplicaLagReader;
}): { registry: Registry; observeWorker(worker: Worker): void } {
  const { db, queues, queueNames, replicaLag } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "job_duration_seconds",
    help: "Time a job's attempt ran, by queue, job kind and outcome",
    labelNames: ["queue", "job", "outcome"] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "queue_jobs",
    help: "Jobs in each queue by state",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      await Promise.all(
        queueNames.map(async (queue) => {
          const counts = await queues.get(queue).getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  new Gauge({
    name: "outbox_backlog",
    help: "Outbox rows not yet published to Redis, and published but not yet completed or failed",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const { rows } = await db.platformSql.query<{ unpublished: number; published: number }>(
        `select count(*) filter (where published_at is null)::int as unpublished,
                count(*) filter (where published_at is not null)::int as published
         from outbox_events where completed_at is null and failed_at is null`,
      );
      this.set({ state: "unpublished" }, rows[0]?.unpublished ?? 0);
      this.set({ state: "published" }, rows[0]?.published ?? 0);
    },
  });
  new Gauge({
    name: "outbox_oldest_unpublished_age_seconds",
    help: "Age of the oldest outbox row not yet published (0 when none waits)",
    registers: [registry],
    async collect() {
      const { rows } = await db.platformSql.query<{ age: number }>(
        `select coalesce(extract(epoch from now() - min(created_at)), 0)::float as age
         from outbox_events where published_at is null`,
      );
      this.set(rows[0]?.age ?? 0);
    },
  });
  registerDatabaseGauges(registry, () => db.poolUse(), replicaLag);
  return {
    registry,
    observeWorker(worker) {
      const observe = (job: { name: string; processedOn?: number } | undefined, outcome: string) => {
        if (!job?.processedOn) return;
        const seconds = Math.max(0, Date.now() - job.processedOn) / 1000;
        duration.observe({ queue: worker.name, job: job.name, outcome }, seconds);
      };
      worker.on("completed", (job) => observe(job, "completed"));
      worker.on("failed", (job) => observe(job, "failed"));
    },
  };
}
