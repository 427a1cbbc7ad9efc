-- CreateEnum
CREATE TYPE "notification_kind" AS ENUM ('team_published', 'ceremony_scheduled', 'certificate_issued', 'assignment_set', 'assignment_due_soon', 'assignment_late', 'revision_requested', 'submission_featured', 'event_tomorrow', 'team_nudge');

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "staff_member_id" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "subject" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "in_app" BOOLEAN NOT NULL,
    "email_id" UUID,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "staff_member_id" UUID NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "in_app" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_tenant_id_staff_member_id_created_at_idx" ON "notifications"("tenant_id", "staff_member_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_tenant_id_id_key" ON "notifications"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_tenant_id_staff_member_id_kind_subject_key" ON "notifications"("tenant_id", "staff_member_id", "kind", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preferences_tenant_id_id_key" ON "notification_preferences"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preferences_tenant_id_staff_member_id_kind_key" ON "notification_preferences"("tenant_id", "staff_member_id", "kind");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The person told, and the person choosing, is one of the tenant's staff.
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bell counts a person's unread notices on every page: an index of those alone.
CREATE INDEX "notifications_unread_idx" ON "notifications"("tenant_id", "staff_member_id") WHERE "read_at" IS NULL AND "in_app";

-- Row-level security: a tenant sees and writes its own notices and choices alone.
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "notifications"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification_preferences" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "notification_preferences"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
