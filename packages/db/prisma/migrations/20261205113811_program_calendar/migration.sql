-- CreateEnum
CREATE TYPE "calendar_item_kind" AS ENUM ('assignment', 'training', 'event', 'mentoring_day');

-- CreateEnum
CREATE TYPE "calendar_audience" AS ENUM ('all', 'mentors', 'mentees');

-- CreateTable
CREATE TABLE "calendar_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "source_key" TEXT,
    "kind" "calendar_item_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT,
    "place" TEXT NOT NULL DEFAULT '',
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "audience" "calendar_audience" NOT NULL DEFAULT 'all',
    "team_id" UUID,
    "attendance" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calendar_items_tenant_id_cohort_id_starts_at_idx" ON "calendar_items"("tenant_id", "cohort_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_items_tenant_id_id_key" ON "calendar_items"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_items_tenant_id_cohort_id_source_key_key" ON "calendar_items"("tenant_id", "cohort_id", "source_key");

-- AddForeignKey
ALTER TABLE "calendar_items" ADD CONSTRAINT "calendar_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_items" ADD CONSTRAINT "calendar_items_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_items" ADD CONSTRAINT "calendar_items_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An assignment has a due moment and no span, every other item a span whose end is not before its start.
ALTER TABLE "calendar_items" ADD CONSTRAINT "calendar_items_moments_check" CHECK (
  CASE WHEN "kind" = 'assignment'
    THEN "due_at" IS NOT NULL AND "starts_at" IS NULL AND "ends_at" IS NULL
    ELSE "due_at" IS NULL AND "starts_at" IS NOT NULL AND "ends_at" IS NOT NULL AND "ends_at" >= "starts_at"
  END
);

-- Row-level security: a tenant sees and writes its own calendar alone.
ALTER TABLE "calendar_items" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calendar_items" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "calendar_items"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
