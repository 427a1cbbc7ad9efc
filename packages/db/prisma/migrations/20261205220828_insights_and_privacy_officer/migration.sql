-- CreateEnum
CREATE TYPE "insight_publication_status" AS ENUM ('computing', 'published', 'failed');

-- AlterEnum
ALTER TYPE "membership_role" ADD VALUE 'privacy_officer';

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "insights_named" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "insights_opted_in_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "platform_audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actor_user_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insight_publications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "status" "insight_publication_status" NOT NULL DEFAULT 'computing',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "tenant_count" INTEGER NOT NULL DEFAULT 0,
    "cohort_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "insight_publications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insight_aggregates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "publication_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "tenant_name" TEXT,
    "cohort_ref" UUID NOT NULL,
    "government_type" "tenant_kind" NOT NULL,
    "region" TEXT NOT NULL,
    "size_band" TEXT NOT NULL,
    "program_kind" TEXT NOT NULL,
    "team_shape" TEXT NOT NULL,
    "cohort_year" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "dimension" TEXT NOT NULL DEFAULT '',
    "value" DOUBLE PRECISION,
    "people_count" INTEGER,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "insight_aggregates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "platform_audit_logs_at_idx" ON "platform_audit_logs"("at" DESC);

-- CreateIndex
CREATE INDEX "insight_publications_status_published_at_idx" ON "insight_publications"("status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "insight_aggregates_publication_id_metric_idx" ON "insight_aggregates"("publication_id", "metric");

-- CreateIndex
CREATE INDEX "insight_aggregates_tenant_id_publication_id_idx" ON "insight_aggregates"("tenant_id", "publication_id");

-- CreateIndex
CREATE UNIQUE INDEX "insight_aggregates_publication_id_cohort_ref_metric_dimensi_key" ON "insight_aggregates"("publication_id", "cohort_ref", "metric", "dimension");

-- AddForeignKey
ALTER TABLE "insight_aggregates" ADD CONSTRAINT "insight_aggregates_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "insight_publications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insight_aggregates" ADD CONSTRAINT "insight_aggregates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: the nightly aggregation writes each organisation's rows inside its own tenant
-- context, and an organisation reads its own rows the same way. The analysts' role reads every row
-- through a policy of its own, installed with that role (packages/db/src/provision.ts).
ALTER TABLE "insight_aggregates" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "insight_aggregates" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "insight_aggregates"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "insight_publications" ADD CONSTRAINT "insight_publications_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
