import type { Database } from "@mentoring/db";
import { jobIdOf, jobOptionsOf } from "@mentoring/jobs";
import type { JobsOptions } from "bullmq";
import type { Logger } from "./logger";

/** Where relayed jobs go: in production a BullMQ queue per name; in tests anything that can fail. */
export interface JobPublisher {
  addBulk(queue: string, jobs: { name: string; data: unknown; opts: JobsOptions }[]): Promise<void>;
}

interface PendingEvent {
  id: bigint;
  queue: string;
  job_name: string;
  payload: unknown;
}

/**
 * Publishes unpublished outbox rows to BullMQ, oldest first, at least once each. Rows are locked
 * (SKIP LOCKED, so several relays can run) and marked published in the same transaction, after BullMQ
 * accepted them. A crash between the two publishes the batch again on restart; the job id derived from
 * the outbox id makes BullMQ keep one job per event, and handlers are idempotent for older repeats.
 */
export async function relayBatch(db: Database, publisher: JobPublisher, batchSize: number): Promise<number> {
  return db.platform.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<PendingEvent[]>`
        select id, queue, job_name, payload from outbox_events
        where published_at is null
        order by id
        limit ${batchSize}
        for update skip locked`;
      if (events.length === 0) return 0;

      const byQueue = new Map<string, PendingEvent[]>();
      for (const event of events) byQueue.set(event.queue, [...(byQueue.get(event.queue) ?? []), event]);
      for (const [queue, queued] of byQueue) {
        await publisher.addBulk(
          queue,
          queued.map((event) => ({
            name: event.job_name,
            data: event.payload,
            opts: { ...jobOptionsOf(event.job_name), jobId: jobIdOf(event.id) },
          })),
        );
      }

      const ids = events.map((event) => event.id);
      await tx.$executeRaw`
        update outbox_events set published_at = now(), attempts = attempts + 1, last_error = null
        where id = any(${ids}::bigint[])`;
      return events.length;
    },
    { timeout: 60_000 },
  );
}

export interface OutboxRelay {
  /** Resolves once the loop has stopped (after the batch in flight, if any). */
  stop(): Promise<void>;
  readonly lastSuccessAt: Date | null;
}

/** Relays in a loop: drains while there is work, then waits `intervalMs`; errors are logged and retried. */
export function startOutboxRelay(options: {
  db: Database;
  publisher: JobPublisher;
  log: Logger;
  batchSize: number;
  intervalMs: number;
}): OutboxRelay {
  const { db, publisher, log, batchSize, intervalMs } = options;
  let stopping = false;
  let lastSuccessAt: Date | null = null;
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
        lastSuccessAt = new Date();
        failures = 0;
        if (published > 0) log.debug({ published }, "outbox batch published");
        if (published < batchSize) await pause(intervalMs);
      } catch (error) {
        failures++;
        log.error(
          { err: error, failures },
          "outbox relay failed; the rows stay unpublished and will be retried",
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
  };
}
