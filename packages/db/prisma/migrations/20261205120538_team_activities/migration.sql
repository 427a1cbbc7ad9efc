-- CreateEnum
CREATE TYPE "activity_kind" AS ENUM ('meeting', 'team_activity');

-- CreateTable
CREATE TABLE "activities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "kind" "activity_kind" NOT NULL,
    "happened_on" DATE NOT NULL,
    "minutes" INTEGER,
    "place" TEXT NOT NULL DEFAULT '',
    "topic" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "logged_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_participants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,

    CONSTRAINT "activity_participants_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "activities_tenant_id_team_id_happened_on_idx" ON "activities"("tenant_id", "team_id", "happened_on");

-- CreateIndex
CREATE INDEX "activities_tenant_id_cohort_id_happened_on_idx" ON "activities"("tenant_id", "cohort_id", "happened_on");

-- CreateIndex
CREATE UNIQUE INDEX "activities_tenant_id_id_key" ON "activities"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "activity_participants_tenant_id_activity_id_application_id_key" ON "activity_participants"("tenant_id", "activity_id", "application_id");

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_tenant_id_activity_id_fkey" FOREIGN KEY ("tenant_id", "activity_id") REFERENCES "activities"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_tenant_id_application_id_fkey" FOREIGN KEY ("tenant_id", "application_id") REFERENCES "applications"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A logged activity lasts a positive number of minutes, if any are given.
ALTER TABLE "activities" ADD CONSTRAINT "activities_minutes_check" CHECK ("minutes" IS NULL OR "minutes" BETWEEN 1 AND 1440);

-- Row-level security: a tenant sees and writes its own teams' activities alone.
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "activities" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "activities"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "activity_participants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "activity_participants" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "activity_participants"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
