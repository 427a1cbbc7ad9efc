import type { Database } from "@mentoring/db";
import { jobIdOf, jobOptionsOf } from "@mentoring/jobs";
import type { JobsOptions } from "bullmq";
import type { Logger } from "./logger";

/** Where relayed jobs go: in production a BullMQ queue per name; in tests anything that can fail. */
export interface JobPublisher {
  addBulk(queue: string, jobs: { name: string; data: unknown; opts: JobsOptions }[]): Promise<void>;
}

/** What the reconcile step asks Redis: where a job is, "unknown" when Redis has no such job. */
export interface JobStates {
  jobState(queue: string, jobId: string): Promise<string>;
}

interface OutboxEventRow {
  id: bigint;
  queue: string;
  job_name: string;
  payload: unknown;
  job_key: string;
  request_id: string | null;
}

/**
 * A job's data: its payload, and beside it the id of the request that wrote the outbox row, for the
 * worker's log lines (the payload schemas drop the key when they parse, as they drop `checkpoint`).
 */
function jobDataOf(event: OutboxEventRow): unknown {
  if (!event.request_id) return event.payload;
  return { ...(event.payload as object), requestId: event.request_id };
}

async function publish(publisher: JobPublisher, events: OutboxEventRow[]): Promise<void> {
  const byQueue = new Map<string, OutboxEventRow[]>();
  for (const event of events) byQueue.set(event.queue, [...(byQueue.get(event.queue) ?? []), event]);
  for (const [queue, queued] of byQueue) {
    await publisher.addBulk(
      queue,
      queued.map((event) => ({
        name: event.job_name,
        data: jobDataOf(event),
        opts: { ...jobOptionsOf(event.job_name), jobId: jobIdOf(event.job_key) },
      })),
    );
  }
}

/**
 * Publishes unpublished outbox rows to BullMQ, oldest first, at least once each. Rows are locked
 * (SKIP LOCKED, so several relays can run) and marked published in the same transaction, after BullMQ
 * accepted them. A crash between the two publishes the batch again on restart; the job id derived from
 * the row's random job key makes BullMQ keep one job per event, and handlers are idempotent for older
 * repeats. Published is not done: the row stays open until the worker records completion (see
 * `reconcileBatch`).
 */
export async function relayBatch(db: Database, publisher: JobPublisher, batchSize: number): Promise<number> {
  return db.platform.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<OutboxEventRow[]>`
        select id, queue, job_name, payload, job_key::text, request_id from outbox_events
        where published_at is null
        order by id
        limit ${batchSize}
        for update skip locked`;
      if (events.length === 0) return 0;

      await publish(publisher, events);
      const ids = events.map((event) => event.id);
      await tx.$executeRaw`
        update outbox_events set published_at = now(), attempts = attempts + 1, last_error = null
        where id = any(${ids}::bigint[])`;
      return events.length;
    },
    { timeout: 60_000 },
  );
}

export interface ReconcileResult {
  /** Open rows looked at (published more than the grace period ago, no outcome recorded). */
  checked: number;
  /** Rows whose job Redis no longer had: published again under the same job id. */
  republished: number;
  /** Rows whose job Redis lists as completed or failed: the outcome the worker did not get to record. */
  completed: number;
  failed: number;
  /** The last row id looked at: the next batch starts after it. */
  lastId: bigint;
}

/**
 * One batch of the reconcile step: the outbox row is the truth until the job's outcome is recorded. For
 * rows published more than `graceMs` ago with neither `completed_at` nor `failed_at`, asks Redis where the
 * job is: missing (Redis restarted empty, or evicted it) → published again; completed or failed → the
 * outcome is recorded on the row; waiting, active or delayed → left alone. A job that failed for good is
 * never republished: it stays in BullMQ's failed list, and its row is marked failed.
 */
export async function reconcileBatch(
  db: Database,
  publisher: JobPublisher & JobStates,
  options: { graceMs: number; batchSize: number; afterId?: bigint },
): Promise<ReconcileResult> {
  const { graceMs, batchSize, afterId = 0n } = options;
  return db.platform.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<OutboxEventRow[]>`
        select id, queue, job_name, payload, job_key::text, request_id from outbox_events
        where published_at is not null and completed_at is null and failed_at is null
          and published_at < now() - ${graceMs}::double precision * interval '1 millisecond'
          and id > ${afterId}
        order by id
        limit ${batchSize}
        for update skip locked`;
      const missing: OutboxEventRow[] = [];
      const completed: bigint[] = [];
      const failed: bigint[] = [];
      // Asked all at once: ioredis sends them down one connection together, about twice as fast as one by
      // one (bench/outbox-relay.ts: 20,000 open rows checked in about 3 s).
      const states = await Promise.all(
        events.map((event) => publisher.jobState(event.queue, jobIdOf(event.job_key))),
      );
      events.forEach((event, index) => {
        if (states[index] === "unknown") missing.push(event);
        else if (states[index] === "completed") completed.push(event.id);
        else if (states[index] === "failed") failed.push(event.id);
      });

      if (missing.length > 0) {
        await publish(publisher, missing);
        await tx.$executeRaw`
          update outbox_events set published_at = now(), attempts = attempts + 1,
            last_error = 'republished: its job was missing from Redis'
          where id = any(${missing.map((event) => event.id)}::bigint[])`;
      }
      if (completed.length > 0)
        await tx.$executeRaw`
          update outbox_events set completed_at = now() where id = any(${completed}::bigint[])`;
      if (failed.length > 0)
        await tx.$executeRaw`
          update outbox_events set failed_at = now(),
            last_error = coalesce(last_error, 'failed for good: see the failed list')
          where id = any(${failed}::bigint[])`;
      return {
        checked: events.length,
        republished: missing.length,
        completed: completed.length,
        failed: failed.length,
        lastId: events.at(-1)?.id ?? afterId,
      };
    },
    { timeout: 60_000 },
  );
}

/** Reconciles every open row, batch by batch; returns the totals. */
export async function reconcileOutbox(
  db: Database,
  publisher: JobPublisher & JobStates,
  options: { graceMs: number; batchSize: number },
): Promise<Omit<ReconcileResult, "lastId">> {
  const totals = { checked: 0, republished: 0, completed: 0, failed: 0 };
  let afterId = 0n;
  for (;;) {
    const batch = await reconcileBatch(db, publisher, { ...options, afterId });
    totals.checked += batch.checked;
    totals.republished += batch.republished;
    totals.completed += batch.completed;
    totals.failed += batch.failed;
    if (batch.checked < options.batchSize) return totals;
    afterId = batch.lastId;
  }
}

/** How long after publishing a row without an outcome is checked against Redis, and how often. */
export const RECONCILE_GRACE_MS = 60_000;
export const RECONCILE_EVERY_MS = 30_000;

export interface OutboxRelay {
  /** Resolves once the loop has stopped (after the batch in flight, if any). */
  stop(): Promise<void>;
  readonly lastSuccessAt: Date | null;
  /** When the loop last finished a round, published or failed: a loop that stops finishing rounds hangs. */
  readonly lastRoundAt: Date;
}

/**
 * A relay whose round has not ended for this long waits on something that will not answer (a connection
 * the network dropped without a word): the process is not live, and restarting it is the way out. Rounds
 * that fail end within seconds (errors are retried after at most 30 s), so an outage does not count.
 */
export const RELAY_STUCK_AFTER_MS = 5 * 60_000;

/**
 * Relays in a loop: drains while there is work, then waits `intervalMs`; every `reconcileEveryMs` it also
 * reconciles published rows without an outcome against Redis. Errors are logged and retried.
 */
export function startOutboxRelay(options: {
  db: Database;
  publisher: JobPublisher & JobStates;
  log: Logger;
  batchSize: number;
  intervalMs: number;
  reconcileGraceMs?: number;
  reconcileEveryMs?: number;
}): OutboxRelay {
  const { db, publisher, log, batchSize, intervalMs } = options;
  const reconcileGraceMs = options.reconcileGraceMs ?? RECONCILE_GRACE_MS;
  const reconcileEveryMs = options.reconcileEveryMs ?? RECONCILE_EVERY_MS;
  let stopping = false;
  let lastSuccessAt: Date | null = null;
  let lastRoundAt = new Date();
  let lastReconcileAt = 0;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let failures = 0;
    while (!stopping) {
      try {
        const published = await relayBatch(db, publisher, batchSize);
        if (published > 0) log.debug({ published }, "outbox batch published");
        if (Date.now() - lastReconcileAt >= reconcileEveryMs) {
          const result = await reconcileOutbox(db, publisher, { graceMs: reconcileGraceMs, batchSize });
          lastReconcileAt = Date.now();
          if (result.republished > 0)
            log.warn(result, "outbox reconcile: jobs missing from Redis were published again");
          else if (result.completed + result.failed > 0)
            log.info(result, "outbox reconcile: recorded outcomes the worker had not recorded");
        }
        lastSuccessAt = new Date();
        lastRoundAt = lastSuccessAt;
        failures = 0;
        if (published < batchSize) await pause(intervalMs);
      } catch (error) {
        failures++;
        lastRoundAt = new Date();
        log.error(
          { err: error, failures },
          "outbox relay failed: rows it could not publish or reconcile stay as they were, and it tries again",
        );
        await pause(Math.min(intervalMs * 2 ** failures, 30_000));
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
    get lastSuccessAt() {
      return lastSuccessAt;
    },
    get lastRoundAt() {
      return lastRoundAt;
    },
  };
}
