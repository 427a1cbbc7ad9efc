-- CreateEnum
CREATE TYPE "access_kind" AS ENUM ('applicant_list', 'applicant_export', 'survey_answers', 'diagnostic_results', 'counselling_meetings', 'directory', 'evaluation_portfolio', 'team_progress_export', 'cohort_report');

-- CreateTable
CREATE TABLE "access_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "viewer_user_id" UUID NOT NULL,
    "viewer_staff_member_id" UUID,
    "kind" "access_kind" NOT NULL,
    "subject_staff_ids" UUID[],
    "subject_count" INTEGER NOT NULL,
    "cohort_id" UUID,
    "team_id" UUID,
    "client_address" TEXT NOT NULL,
    "request_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "summary" JSONB NOT NULL,
    "recipient_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_logs_tenant_id_at_idx" ON "access_logs"("tenant_id", "at" DESC);

-- CreateIndex
CREATE INDEX "access_logs_tenant_id_viewer_user_id_at_idx" ON "access_logs"("tenant_id", "viewer_user_id", "at");

-- CreateIndex
CREATE INDEX "access_logs_subject_staff_ids_idx" ON "access_logs" USING GIN ("subject_staff_ids");

-- CreateIndex
CREATE UNIQUE INDEX "access_reviews_tenant_id_month_key" ON "access_reviews"("tenant_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "access_reviews_tenant_id_id_key" ON "access_reviews"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_reviews" ADD CONSTRAINT "access_reviews_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A view names its people as a list, never as nothing, and counts at least as many as it names.
ALTER TABLE "access_logs" ALTER COLUMN "subject_staff_ids" SET DEFAULT '{}', ALTER COLUMN "subject_staff_ids" SET NOT NULL;
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_subject_count_check" CHECK ("subject_count" >= cardinality("subject_staff_ids"));

-- Row-level security: a tenant sees and writes its own access log and reviews alone. The app role may
-- only add and read rows (provision.ts), and purge_access_logs() removes those past two years.
ALTER TABLE "access_logs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "access_logs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "access_logs"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "access_reviews" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "access_reviews" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "access_reviews"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
