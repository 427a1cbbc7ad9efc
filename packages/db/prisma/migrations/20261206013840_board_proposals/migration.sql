-- CreateEnum
CREATE TYPE "board_proposal_status" AS ENUM ('proposed', 'reviewed', 'adopted', 'declined');

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'board_proposal_updated';

-- CreateTable
CREATE TABLE "board_proposals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "board_proposal_status" NOT NULL DEFAULT 'proposed',
    "reply" TEXT,
    "replied_by_user_id" UUID,
    "replied_by_name" TEXT,
    "replied_at" TIMESTAMPTZ(3),
    "reviewed_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_proposal_proposers" (
    "tenant_id" UUID NOT NULL,
    "proposal_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_proposal_proposers_pkey" PRIMARY KEY ("tenant_id","proposal_id","application_id")
);

-- CreateIndex
CREATE INDEX "board_proposals_tenant_id_cohort_id_status_created_at_idx" ON "board_proposals"("tenant_id", "cohort_id", "status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "board_proposals_tenant_id_id_key" ON "board_proposals"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "board_proposal_proposers_tenant_id_application_id_idx" ON "board_proposal_proposers"("tenant_id", "application_id");

-- AddForeignKey
ALTER TABLE "board_proposals" ADD CONSTRAINT "board_proposals_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_proposals" ADD CONSTRAINT "board_proposals_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_proposal_proposers" ADD CONSTRAINT "board_proposal_proposers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_proposal_proposers" ADD CONSTRAINT "board_proposal_proposers_tenant_id_proposal_id_fkey" FOREIGN KEY ("tenant_id", "proposal_id") REFERENCES "board_proposals"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_proposal_proposers" ADD CONSTRAINT "board_proposal_proposers_tenant_id_application_id_fkey" FOREIGN KEY ("tenant_id", "application_id") REFERENCES "applications"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Plain text within the bounds the domain sets (board-proposal.ts), and an answer always carries its reply.
ALTER TABLE "board_proposals" ADD CONSTRAINT "board_proposals_title_check" CHECK (char_length("title") BETWEEN 1 AND 120);
ALTER TABLE "board_proposals" ADD CONSTRAINT "board_proposals_body_check" CHECK (char_length("body") BETWEEN 1 AND 4000);
ALTER TABLE "board_proposals" ADD CONSTRAINT "board_proposals_reply_check" CHECK ("reply" IS NULL OR char_length("reply") <= 2000);
ALTER TABLE "board_proposals" ADD CONSTRAINT "board_proposals_decided_check" CHECK ("status" NOT IN ('adopted', 'declined') OR ("reply" IS NOT NULL AND "replied_at" IS NOT NULL AND "decided_at" IS NOT NULL));

-- Row-level security: a tenant sees and writes its own proposals and proposers alone.
ALTER TABLE "board_proposals" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "board_proposals" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "board_proposals"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "board_proposal_proposers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "board_proposal_proposers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "board_proposal_proposers"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
