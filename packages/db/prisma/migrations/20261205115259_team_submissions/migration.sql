-- CreateEnum
CREATE TYPE "submission_status" AS ENUM ('submitted', 'revision_requested', 'accepted');

-- CreateTable
CREATE TABLE "submissions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "status" "submission_status" NOT NULL DEFAULT 'submitted',
    "text" TEXT NOT NULL DEFAULT '',
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "first_submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_by_user_id" UUID,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "review_comment" TEXT NOT NULL DEFAULT '',
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_user_id" UUID,
    "featured_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "submissions_tenant_id_featured_at_idx" ON "submissions"("tenant_id", "featured_at");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_tenant_id_id_key" ON "submissions"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_tenant_id_item_id_team_id_key" ON "submissions"("tenant_id", "item_id", "team_id");

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_tenant_id_item_id_fkey" FOREIGN KEY ("tenant_id", "item_id") REFERENCES "calendar_items"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security: a tenant sees and writes its own teams' submissions alone.
ALTER TABLE "submissions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "submissions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "submissions"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
