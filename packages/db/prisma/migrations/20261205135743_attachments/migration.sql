-- CreateEnum
CREATE TYPE "attachment_kind" AS ENUM ('photo', 'video', 'document');

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "submission_id" UUID,
    "activity_id" UUID,
    "kind" "attachment_kind" NOT NULL,
    "original_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "thumbnail_key" TEXT,
    "uploaded_by_user_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "attachments_tenant_id_submission_id_idx" ON "attachments"("tenant_id", "submission_id");

-- CreateIndex
CREATE INDEX "attachments_tenant_id_activity_id_idx" ON "attachments"("tenant_id", "activity_id");

-- CreateIndex
CREATE INDEX "attachments_tenant_id_uploaded_by_user_id_uploaded_at_idx" ON "attachments"("tenant_id", "uploaded_by_user_id", "uploaded_at");

-- CreateIndex
CREATE UNIQUE INDEX "attachments_tenant_id_id_key" ON "attachments"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_submission_id_fkey" FOREIGN KEY ("tenant_id", "submission_id") REFERENCES "submissions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_activity_id_fkey" FOREIGN KEY ("tenant_id", "activity_id") REFERENCES "activities"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beneath the use cases: a file belongs to one owner at most, and holds at least one byte.
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner" CHECK ("submission_id" IS NULL OR "activity_id" IS NULL);
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_size_positive" CHECK ("size" > 0);

-- Row-level security: a tenant sees and writes its own files alone.
ALTER TABLE "attachments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "attachments" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "attachments"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
