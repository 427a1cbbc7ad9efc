-- AlterTable
ALTER TABLE "ceremony_attendance" ADD COLUMN     "method" "attendance_method" NOT NULL DEFAULT 'coordinator';

-- AlterTable
ALTER TABLE "calendar_items" ADD COLUMN     "capacity" INTEGER,
ADD COLUMN     "sign_up" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sign_up_closes_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "event_signups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_signups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_signups_tenant_id_item_id_created_at_idx" ON "event_signups"("tenant_id", "item_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "event_signups_tenant_id_item_id_application_id_key" ON "event_signups"("tenant_id", "item_id", "application_id");

-- AddForeignKey
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_tenant_id_item_id_fkey" FOREIGN KEY ("tenant_id", "item_id") REFERENCES "calendar_items"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_tenant_id_application_id_fkey" FOREIGN KEY ("tenant_id", "application_id") REFERENCES "applications"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Beneath the use case: a capacity counts at least one place, and sign-up closes no later than the start.
ALTER TABLE "calendar_items" ADD CONSTRAINT "calendar_items_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" > 0);
ALTER TABLE "calendar_items" ADD CONSTRAINT "calendar_items_sign_up_closes_by_start" CHECK ("sign_up_closes_at" IS NULL OR "starts_at" IS NULL OR "sign_up_closes_at" <= "starts_at");

-- Row-level security: a tenant sees and writes its own sign-ups alone.
ALTER TABLE "event_signups" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "event_signups" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "event_signups"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
