import type { TenantDb } from "@mentoring/db";
import { type JobName, type JobPayload, jobDefinitions, parseJobPayload } from "./definitions";
import { currentRequestId } from "./request-scope";

/** Anything that can write the outbox: a tenant transaction or a platform transaction. */
export type OutboxWriter = Pick<TenantDb, "outboxEvent">;

/**
 * Enqueues a job by writing an outbox row in the caller's transaction: the job exists if and only if the
 * change that caused it commits. The worker's relay publishes it to BullMQ. The row carries the id of the
 * request (or job) it was written for, if any (request-scope.ts). Returns the outbox id.
 */
export async function enqueue<N extends JobName>(
  db: OutboxWriter,
  name: N,
  payload: JobPayload<N>,
): Promise<bigint> {
  const data = parseJobPayload(name, payload);
  const event = await db.outboxEvent.create({
    data: {
      queue: jobDefinitions[name].queue,
      jobName: name,
      payload: data as object,
      requestId: currentRequestId(),
    },
    select: { id: true },
  });
  return event.id;
}

/**
 * Enqueues one job per payload with a single insert of outbox rows in the caller's transaction (the same
 * guarantee as enqueue, for a batch: all of them exist if and only if the change commits). Each payload is
 * checked first; an invalid one throws before anything is written. Returns how many were written.
 */
export async function enqueueMany<N extends JobName>(
  db: OutboxWriter,
  name: N,
  payloads: readonly JobPayload<N>[],
): Promise<number> {
  if (payloads.length === 0) return 0;
  const { queue } = jobDefinitions[name];
  const requestId = currentRequestId();
  const data = payloads.map((payload) => ({
    queue,
    jobName: name,
    payload: parseJobPayload(name, payload) as object,
    requestId,
  }));
  const { count } = await db.outboxEvent.createMany({ data });
  return count;
}

const JOB_ID_PREFIX = "outbox-";
const JOB_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * BullMQ job id of an outbox event, from the row's random `job_key`: publishing the same event twice yields
 * one job, and a row written after a database restore never takes the id of a job BullMQ still remembers
 * (sequence-based ids restart below those, and an `add` with a remembered id is a silent no-op).
 */
export const jobIdOf = (jobKey: string) => `${JOB_ID_PREFIX}${jobKey}`;

/** The outbox row's `job_key` behind a BullMQ job id, or null for jobs that did not come from the outbox. */
export function jobKeyOf(jobId: string | undefined): string | null {
  if (!jobId?.startsWith(JOB_ID_PREFIX)) return null;
  const key = jobId.slice(JOB_ID_PREFIX.length);
  return JOB_KEY.test(key) ? key : null;
}
