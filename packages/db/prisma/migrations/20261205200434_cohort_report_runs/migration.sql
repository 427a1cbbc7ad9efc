-- CreateEnum
CREATE TYPE "cohort_report_status" AS ENUM ('generating', 'ready', 'failed');

-- CreateTable
CREATE TABLE "cohort_report_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "status" "cohort_report_status" NOT NULL DEFAULT 'generating',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "data_hash" TEXT,
    "pdf_key" TEXT,
    "xlsx_key" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "error" TEXT,
    "failure_code" TEXT,
    "requested_by_user_id" UUID,
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cohort_report_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cohort_report_runs_tenant_id_cohort_id_created_at_idx" ON "cohort_report_runs"("tenant_id", "cohort_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "cohort_report_runs_tenant_id_id_key" ON "cohort_report_runs"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "cohort_report_runs" ADD CONSTRAINT "cohort_report_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohort_report_runs" ADD CONSTRAINT "cohort_report_runs_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A run's progress is a percentage, a ready run names both files and the data they were made from.
-- (No semicolon in these comments: the migration runner splits the file at every one.)
ALTER TABLE "cohort_report_runs" ADD CONSTRAINT "cohort_report_runs_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "cohort_report_runs" ADD CONSTRAINT "cohort_report_runs_ready_check" CHECK ("status" <> 'ready' OR ("pdf_key" IS NOT NULL AND "xlsx_key" IS NOT NULL AND "data_hash" IS NOT NULL AND "finished_at" IS NOT NULL));
ALTER TABLE "cohort_report_runs" ADD CONSTRAINT "cohort_report_runs_locale_check" CHECK ("locale" IN ('ko', 'en'));

-- Row-level security: a tenant sees and writes its own report runs alone.
ALTER TABLE "cohort_report_runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "cohort_report_runs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "cohort_report_runs"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- At most one run of a cohort is under way: a second press finds it instead of starting another.
CREATE UNIQUE INDEX "cohort_report_runs_one_generating_key" ON "cohort_report_runs"("tenant_id", "cohort_id") WHERE "status" = 'generating';
