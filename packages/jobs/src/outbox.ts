import type { TenantDb } from "@mentoring/db";
import { type JobName, type JobPayload, jobDefinitions, parseJobPayload } from "./definitions";

/** Anything that can write the outbox: a tenant transaction or a platform transaction. */
export type OutboxWriter = Pick<TenantDb, "outboxEvent">;

/**
 * Enqueues a job by writing an outbox row in the caller's transaction: the job exists if and only if the
 * change that caused it commits. The worker's relay publishes it to BullMQ. Returns the outbox id.
 */
export async function enqueue<N extends JobName>(
  db: OutboxWriter,
  name: N,
  payload: JobPayload<N>,
): Promise<bigint> {
  const data = parseJobPayload(name, payload);
  const event = await db.outboxEvent.create({
    data: { queue: jobDefinitions[name].queue, jobName: name, payload: data as object },
    select: { id: true },
  });
  return event.id;
}

/** BullMQ job id of an outbox event: publishing the same event twice yields one job. */
export const jobIdOf = (outboxId: bigint | number | string) => `outbox-${outboxId}`;
