-- CreateEnum
CREATE TYPE "program_kind" AS ENUM ('standard', 'reverse');

-- CreateEnum
CREATE TYPE "cohort_status" AS ENUM ('draft', 'recruiting', 'orientation', 'matching', 'active', 'evaluation', 'closed');

-- CreateEnum
CREATE TYPE "application_role" AS ENUM ('mentor', 'mentee');

-- CreateEnum
CREATE TYPE "application_status" AS ENUM ('accepted', 'waitlisted', 'withdrawn', 'rejected');

-- CreateEnum
CREATE TYPE "survey_phase" AS ENUM ('pre', 'post');

-- CreateTable
CREATE TABLE "program_templates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "program_kind" NOT NULL,
    "builtin_key" TEXT,
    "current_version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "program_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "program_template_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "program_template_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cohorts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "template_version_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "cohort_status" NOT NULL DEFAULT 'draft',
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recruitment_start" DATE NOT NULL,
    "recruitment_end" DATE NOT NULL,
    "orientation" DATE NOT NULL,
    "matching" DATE NOT NULL,
    "ceremony" DATE NOT NULL,
    "activities_start" DATE NOT NULL,
    "activities_end" DATE NOT NULL,
    "evaluation_start" DATE NOT NULL,
    "evaluation_end" DATE NOT NULL,
    "close" DATE NOT NULL,
    "schedule_checked_on" DATE NOT NULL,
    "quota_mentor" INTEGER NOT NULL,
    "quota_mentee" INTEGER NOT NULL,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "staff_member_id" UUID NOT NULL,
    "role" "application_role" NOT NULL,
    "status" "application_status" NOT NULL,
    "consent_version" TEXT,
    "consent_at" TIMESTAMPTZ(3),
    "nominated_by_user_id" UUID,
    "submitted_by_user_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,
    "eligibility" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_rounds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "question_set_key" TEXT NOT NULL,
    "phase" "survey_phase" NOT NULL,
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "last_reminded_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_responses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "scores" JSONB,
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_responses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "program_templates_tenant_id_archived_at_idx" ON "program_templates"("tenant_id", "archived_at");

-- CreateIndex
CREATE UNIQUE INDEX "program_templates_tenant_id_id_key" ON "program_templates"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "program_template_versions_tenant_id_id_key" ON "program_template_versions"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "program_template_versions_tenant_id_template_id_version_key" ON "program_template_versions"("tenant_id", "template_id", "version");

-- CreateIndex
CREATE INDEX "cohorts_tenant_id_status_idx" ON "cohorts"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "cohorts_tenant_id_id_key" ON "cohorts"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "cohorts_tenant_id_template_id_number_key" ON "cohorts"("tenant_id", "template_id", "number");

-- CreateIndex
CREATE INDEX "applications_tenant_id_cohort_id_role_status_submitted_at_idx" ON "applications"("tenant_id", "cohort_id", "role", "status", "submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "applications_tenant_id_id_key" ON "applications"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "applications_tenant_id_cohort_id_staff_member_id_key" ON "applications"("tenant_id", "cohort_id", "staff_member_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_rounds_tenant_id_id_key" ON "survey_rounds"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_rounds_tenant_id_cohort_id_question_set_key_phase_key" ON "survey_rounds"("tenant_id", "cohort_id", "question_set_key", "phase");

-- CreateIndex
CREATE INDEX "survey_responses_tenant_id_application_id_idx" ON "survey_responses"("tenant_id", "application_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_responses_tenant_id_round_id_application_id_key" ON "survey_responses"("tenant_id", "round_id", "application_id");

-- AddForeignKey
ALTER TABLE "program_templates" ADD CONSTRAINT "program_templates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_template_versions" ADD CONSTRAINT "program_template_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_template_versions" ADD CONSTRAINT "program_template_versions_tenant_id_template_id_fkey" FOREIGN KEY ("tenant_id", "template_id") REFERENCES "program_templates"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_tenant_id_template_id_fkey" FOREIGN KEY ("tenant_id", "template_id") REFERENCES "program_templates"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_tenant_id_template_version_id_fkey" FOREIGN KEY ("tenant_id", "template_version_id") REFERENCES "program_template_versions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_round_id_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "survey_rounds"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_application_id_fkey" FOREIGN KEY ("tenant_id", "application_id") REFERENCES "applications"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below: row-level security for the program tables, and checks the schema cannot express.
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_number_check" CHECK ("number" > 0);
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_quota_check" CHECK ("quota_mentor" > 0 AND "quota_mentee" > 0);

ALTER TABLE "program_templates" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "program_templates" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "program_templates"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "program_template_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "program_template_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "program_template_versions"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "cohorts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "cohorts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "cohorts"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "applications" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "applications"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "survey_rounds" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "survey_rounds" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "survey_rounds"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "survey_responses" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "survey_responses" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "survey_responses"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
