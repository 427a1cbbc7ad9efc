-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "cohort_id" UUID,
ADD COLUMN     "staff_member_id" UUID;

-- CreateTable
CREATE TABLE "survey_invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "survey_invitations_tenant_id_application_id_idx" ON "survey_invitations"("tenant_id", "application_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_invitations_tenant_id_id_key" ON "survey_invitations"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_invitations_tenant_id_round_id_application_id_key" ON "survey_invitations"("tenant_id", "round_id", "application_id");

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_tenant_id_round_id_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "survey_rounds"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_tenant_id_application_id_fkey" FOREIGN KEY ("tenant_id", "application_id") REFERENCES "applications"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A nominee's invitation leads to a cohort only for the staff member it was made for.
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_cohort_needs_staff_check" CHECK ("cohort_id" IS NULL OR "staff_member_id" IS NOT NULL);

-- Row-level security: a tenant sees and writes its own survey invitations alone.
ALTER TABLE "survey_invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "survey_invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "survey_invitations"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
