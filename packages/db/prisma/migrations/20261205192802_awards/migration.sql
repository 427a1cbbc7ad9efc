-- CreateEnum
CREATE TYPE "certificate_kind" AS ENUM ('pairing', 'award');

-- CreateEnum
CREATE TYPE "award_decision_status" AS ENUM ('draft', 'proposed', 'approved', 'returned');

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'award_granted';

-- AlterTable
ALTER TABLE "certificate_batches" ADD COLUMN     "kind" "certificate_kind" NOT NULL DEFAULT 'pairing';

-- CreateTable
CREATE TABLE "award_decisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "status" "award_decision_status" NOT NULL DEFAULT 'draft',
    "proposed_by_user_id" UUID,
    "proposed_at" TIMESTAMPTZ(3),
    "decided_by_user_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "comment" TEXT,
    "certificate_batch_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award_grants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "category_index" SMALLINT NOT NULL,
    "name" TEXT NOT NULL,
    "prize" TEXT NOT NULL,
    "certificate_title" TEXT NOT NULL,

    CONSTRAINT "award_grants_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "award_decisions_tenant_id_id_key" ON "award_decisions"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "award_decisions_tenant_id_cohort_id_key" ON "award_decisions"("tenant_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "award_decisions_tenant_id_certificate_batch_id_key" ON "award_decisions"("tenant_id", "certificate_batch_id");

-- CreateIndex
CREATE INDEX "award_grants_tenant_id_team_id_idx" ON "award_grants"("tenant_id", "team_id");

-- CreateIndex
CREATE UNIQUE INDEX "award_grants_tenant_id_id_key" ON "award_grants"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "award_grants_tenant_id_decision_id_team_id_key" ON "award_grants"("tenant_id", "decision_id", "team_id");

-- AddForeignKey
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_tenant_id_certificate_batch_id_fkey" FOREIGN KEY ("tenant_id", "certificate_batch_id") REFERENCES "certificate_batches"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_grants" ADD CONSTRAINT "award_grants_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_grants" ADD CONSTRAINT "award_grants_tenant_id_decision_id_fkey" FOREIGN KEY ("tenant_id", "decision_id") REFERENCES "award_decisions"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "award_grants" ADD CONSTRAINT "award_grants_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A proposed decision says who proposed it and when, a decided one (approved or returned) who decided and
-- when, a returned one carries the executive's comment. An award category is an index into the template's
-- awards. (No semicolon in these comments: the migration runner splits the file at every one.)
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_proposed_check" CHECK ("status" = 'draft' OR ("proposed_at" IS NOT NULL AND "proposed_by_user_id" IS NOT NULL));
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_decided_check" CHECK ("status" NOT IN ('approved', 'returned') OR ("decided_at" IS NOT NULL AND "decided_by_user_id" IS NOT NULL));
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_comment_check" CHECK (("status" <> 'returned' OR char_length(btrim("comment")) > 0) AND char_length("comment") <= 2000);
ALTER TABLE "award_grants" ADD CONSTRAINT "award_grants_category_index_check" CHECK ("category_index" >= 0);

-- Row-level security: a tenant sees and writes its own award decisions and grants alone.
ALTER TABLE "award_decisions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "award_decisions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "award_decisions"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "award_grants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "award_grants" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "award_grants"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
