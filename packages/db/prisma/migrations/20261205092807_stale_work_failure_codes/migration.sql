-- AlterTable
ALTER TABLE "directory_imports" ADD COLUMN     "failure_code" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "matching_runs" ADD COLUMN     "failure_code" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "certificate_batches" ADD COLUMN     "failure_code" TEXT;

-- The reasons the pages translate: the job failed for good, or the sweeper found the work stuck.
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_failure_code_check" CHECK ("failure_code" IN ('job_failed', 'stalled'));
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_failure_code_check" CHECK ("failure_code" IN ('job_failed', 'stalled'));
ALTER TABLE "certificate_batches" ADD CONSTRAINT "certificate_batches_failure_code_check" CHECK ("failure_code" IN ('job_failed', 'stalled'));
