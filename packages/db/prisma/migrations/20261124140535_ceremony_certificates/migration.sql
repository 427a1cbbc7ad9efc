-- CreateEnum
CREATE TYPE "certificate_batch_status" AS ENUM ('draft', 'generating', 'ready', 'failed');

-- CreateTable
CREATE TABLE "certificate_serials" (
    "serial" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_serials_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "signing_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "sealed_private_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ceremonies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "programme" TEXT NOT NULL DEFAULT '',
    "gift" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ceremonies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ceremony_attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "ceremony_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "present" BOOLEAN NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ceremony_attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_batches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "status" "certificate_batch_status" NOT NULL DEFAULT 'draft',
    "signer_name" TEXT NOT NULL,
    "signer_title" TEXT NOT NULL,
    "signed_by_user_id" UUID,
    "signed_at" TIMESTAMPTZ(3),
    "progress" INTEGER NOT NULL DEFAULT 0,
    "archive_key" TEXT,
    "error" TEXT,
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "serial" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "signature" TEXT,
    "key_id" TEXT,
    "file_key" TEXT,
    "content_hash" TEXT,
    "issued_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT,
    "revoked_by_user_id" UUID,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "signing_keys_tenant_id_id_key" ON "signing_keys"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "signing_keys_tenant_id_key_id_key" ON "signing_keys"("tenant_id", "key_id");

-- CreateIndex
CREATE UNIQUE INDEX "ceremonies_tenant_id_id_key" ON "ceremonies"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ceremonies_tenant_id_cohort_id_key" ON "ceremonies"("tenant_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "ceremony_attendance_tenant_id_ceremony_id_application_id_key" ON "ceremony_attendance"("tenant_id", "ceremony_id", "application_id");

-- CreateIndex
CREATE INDEX "certificate_batches_tenant_id_cohort_id_idx" ON "certificate_batches"("tenant_id", "cohort_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_batches_tenant_id_id_key" ON "certificate_batches"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_serial_key" ON "certificates"("serial");

-- CreateIndex
CREATE INDEX "certificates_tenant_id_team_id_idx" ON "certificates"("tenant_id", "team_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_tenant_id_id_key" ON "certificates"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_tenant_id_batch_id_team_id_key" ON "certificates"("tenant_id", "batch_id", "team_id");

-- AddForeignKey
ALTER TABLE "certificate_serials" ADD CONSTRAINT "certificate_serials_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceremonies" ADD CONSTRAINT "ceremonies_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceremonies" ADD CONSTRAINT "ceremonies_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceremony_attendance" ADD CONSTRAINT "ceremony_attendance_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceremony_attendance" ADD CONSTRAINT "ceremony_attendance_tenant_id_ceremony_id_fkey" FOREIGN KEY ("tenant_id", "ceremony_id") REFERENCES "ceremonies"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceremony_attendance" ADD CONSTRAINT "ceremony_attendance_tenant_id_application_id_fkey" FOREIGN KEY ("tenant_id", "application_id") REFERENCES "applications"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_batches" ADD CONSTRAINT "certificate_batches_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_batches" ADD CONSTRAINT "certificate_batches_tenant_id_cohort_id_fkey" FOREIGN KEY ("tenant_id", "cohort_id") REFERENCES "cohorts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_tenant_id_batch_id_fkey" FOREIGN KEY ("tenant_id", "batch_id") REFERENCES "certificate_batches"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below: row-level security for the ceremony and certificate tables. certificate_serials is
-- a platform table: serial to tenant only, for the public check.

ALTER TABLE "signing_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "signing_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "signing_keys"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "ceremonies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ceremonies" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ceremonies"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "ceremony_attendance" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ceremony_attendance" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "ceremony_attendance"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "certificate_batches" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "certificate_batches" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "certificate_batches"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "certificates" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "certificates" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "certificates"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
