/**
 * Long work (a matching run, a certificate batch, a directory import) shows as under way on its row while
 * its job works. When the job dies without saying so, the row would show "under way" forever; these rules
 * decide which rows to mark failed, and with which reason the page translates.
 */

/** Why work was marked failed: its job failed for good, or it showed no progress for longer than the lease. */
export type WorkFailureCode = "job_failed" | "stalled";
export const workFailureCodes = ["job_failed", "stalled"] as const satisfies readonly WorkFailureCode[];

/**
 * How long work may show no change (its row's `updated_at`, bumped by every progress write) before it
 * counts as stuck. Generous: the longest job writes progress every few seconds, and a directory apply gives
 * up after 15 minutes; a job still waiting in a long queue may pass it, and then turns the row back to
 * "under way" when it starts.
 */
export const WORK_LEASE_MS = 30 * 60_000;

export interface UnfinishedWork {
  /** The row's last change (status or progress). */
  updatedAt: Date;
  /** `failed_at` of the newest outbox row (job) for this work, null when it has not failed or there is none. */
  latestJobFailedAt: Date | null;
}

/** Whether the unfinished work is to be marked failed at `now`, and why; null while it may still be working. */
export function staleWorkReason(
  work: UnfinishedWork,
  now: Date,
  leaseMs: number = WORK_LEASE_MS,
): WorkFailureCode | null {
  if (work.latestJobFailedAt !== null) return "job_failed";
  if (now.getTime() - work.updatedAt.getTime() > leaseMs) return "stalled";
  return null;
}
