-- CreateEnum
CREATE TYPE "evaluation_status" AS ENUM ('draft', 'submitted');

-- CreateTable
CREATE TABLE "evaluator_assignments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "evaluator_user_id" UUID NOT NULL,
    "assigned_by_user_id" UUID,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluator_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "status" "evaluation_status" NOT NULL DEFAULT 'draft',
    "submitted_at" TIMESTAMPTZ(3),
    "reopened_at" TIMESTAMPTZ(3),
    "reopened_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_scores" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "evaluation_id" UUID NOT NULL,
    "criterion_key" TEXT NOT NULL,
    "score" SMALLINT,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "evaluation_scores_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evaluator_assignments_tenant_id_evaluator_user_id_idx" ON "evaluator_assignments"("tenant_id", "evaluator_user_id");

-- CreateIndex
CREATE INDEX "evaluator_assignments_tenant_id_cohort_id_idx" ON "evaluator_assignments"("tenant_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluator_assignments_tenant_id_id_key" ON "evaluator_assignments"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluator_assignments_tenant_id_team_id_evaluator_user_id_key" ON "evaluator_assignments"("tenant_id", "team_id", "evaluator_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluations_tenant_id_id_key" ON "evaluations"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluations_tenant_id_assignment_id_key" ON "evaluations"("tenant_id", "assignment_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_scores_tenant_id_id_key" ON "evaluation_scores"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_scores_tenant_id_evaluation_id_criterion_key_key" ON "evaluation_scores"("tenant_id", "evaluation_id", "criterion_key");

-- AddForeignKey
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluator_assignments" ADD CONSTRAINT "evaluator_assignments_tenant_id_evaluator_user_id_fkey" FOREIGN KEY ("tenant_id", "evaluator_user_id") REFERENCES "memberships"("tenant_id", "user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_tenant_id_assignment_id_fkey" FOREIGN KEY ("tenant_id", "assignment_id") REFERENCES "evaluator_assignments"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_tenant_id_evaluation_id_fkey" FOREIGN KEY ("tenant_id", "evaluation_id") REFERENCES "evaluations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Scores in a child table (a row per criterion) rather than a JSON column on evaluations: aggregation reads
-- one criterion across evaluators with plain SQL, and the bounds below are column checks. The upper bound
-- (the criterion's scaleMax) lives in the template version: the use case checks it.
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_score_check" CHECK ("score" >= 0);
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_comment_check" CHECK (char_length("comment") <= 2000);
-- A submitted evaluation says when.
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_submitted_at_check" CHECK ("status" <> 'submitted' OR "submitted_at" IS NOT NULL);

-- Row-level security: a tenant sees and writes its own evaluators' assignments and evaluations alone.
ALTER TABLE "evaluator_assignments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "evaluator_assignments" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "evaluator_assignments"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "evaluations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "evaluations" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "evaluations"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "evaluation_scores" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "evaluation_scores" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "evaluation_scores"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
