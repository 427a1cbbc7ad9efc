-- CreateEnum
CREATE TYPE "correction_request_status" AS ENUM ('pending', 'applied', 'declined');

-- AlterEnum
ALTER TYPE "notification_kind" ADD VALUE 'consent_withdrawn';
ALTER TYPE "notification_kind" ADD VALUE 'correction_resolved';

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "consent_withdrawn_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "correction_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "staff_member_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "current_value" TEXT NOT NULL,
    "requested_value" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "correction_request_status" NOT NULL DEFAULT 'pending',
    "decline_reason" TEXT,
    "resolved_by_user_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "correction_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "correction_requests_tenant_id_status_created_at_idx" ON "correction_requests"("tenant_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "correction_requests_tenant_id_staff_member_id_created_at_idx" ON "correction_requests"("tenant_id", "staff_member_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "correction_requests_tenant_id_id_key" ON "correction_requests"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A field is one the directory holds, and a declined request says why.
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_field_check" CHECK ("field" IN ('name', 'department', 'grade', 'position_title', 'hire_date', 'birth_year', 'email', 'phone'));
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_declined_check" CHECK ("status" <> 'declined' OR ("decline_reason" IS NOT NULL AND "resolved_at" IS NOT NULL));

-- Row-level security: a tenant sees and writes its own correction requests alone.
ALTER TABLE "correction_requests" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "correction_requests" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "correction_requests"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- One pending request per person and field: a second press finds the first instead of adding another.
CREATE UNIQUE INDEX "correction_requests_one_pending_key" ON "correction_requests"("tenant_id", "staff_member_id", "field") WHERE "status" = 'pending';
