-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "staff_member_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feeds_tenant_id_staff_member_id_idx" ON "calendar_feeds"("tenant_id", "staff_member_id");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_tenant_id_id_key" ON "calendar_feeds"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The person a feed belongs to is one of the tenant's staff.
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: a tenant sees and writes its own feeds alone.
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calendar_feeds" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "calendar_feeds"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
