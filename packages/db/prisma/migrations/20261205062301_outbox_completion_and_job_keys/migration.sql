-- The outbox row stays the truth until the job's effect is recorded (issue 13, item 12).
-- completed_at: set by the worker when the job's handler succeeded. failed_at: set when the job failed for
-- good (it stays in BullMQ's failed list). A row published a while ago with neither, whose job Redis no
-- longer has (Redis restarted empty), is published again by the relay's reconcile step.
-- job_key: the BullMQ job id is derived from it instead of the sequence-based id, which restarts below ids
-- BullMQ still remembers after a database restore (a new job with a remembered id is silently dropped).

-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "job_key" UUID NOT NULL DEFAULT gen_random_uuid();

-- Rows published before this migration were relayed under the old contract, with no completion mark:
-- count them as done when they were published rather than let the reconcile step publish them again.
UPDATE "outbox_events" SET "completed_at" = "published_at" WHERE "published_at" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_job_key_key" ON "outbox_events"("job_key");

-- The reconcile step reads only published rows whose outcome is not recorded yet.
CREATE INDEX "outbox_events_unfinished_idx" ON "outbox_events" ("id")
  WHERE "published_at" IS NOT NULL AND "completed_at" IS NULL AND "failed_at" IS NULL;
