-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "retention_months" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "pseudonymised_survey_responses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "pseudonym" UUID NOT NULL,
    "role" "application_role" NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "scores" JSONB,
    "submitted_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pseudonymised_survey_responses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pseudonymised_survey_responses_tenant_id_cohort_id_idx" ON "pseudonymised_survey_responses"("tenant_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "pseudonymised_survey_responses_tenant_id_id_key" ON "pseudonymised_survey_responses"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "pseudonymised_survey_responses_tenant_id_round_id_pseudonym_key" ON "pseudonymised_survey_responses"("tenant_id", "round_id", "pseudonym");

-- AddForeignKey
ALTER TABLE "pseudonymised_survey_responses" ADD CONSTRAINT "pseudonymised_survey_responses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pseudonymised_survey_responses" ADD CONSTRAINT "pseudonymised_survey_responses_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pseudonymised_survey_responses" ADD CONSTRAINT "pseudonymised_survey_responses_tenant_id_round_id_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "survey_rounds"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security: a tenant sees and writes its own pseudonymised answers alone.
ALTER TABLE "pseudonymised_survey_responses" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "pseudonymised_survey_responses" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "pseudonymised_survey_responses"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
