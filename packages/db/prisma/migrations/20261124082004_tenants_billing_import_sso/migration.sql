-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "brand_color" TEXT,
ADD COLUMN     "business_registration_number" TEXT,
ADD COLUMN     "current_period_end" TIMESTAMPTZ(3),
ADD COLUMN     "past_due_since" TIMESTAMPTZ(3),
ADD COLUMN     "plan_code" TEXT,
ADD COLUMN     "stripe_customer_id" TEXT,
ADD COLUMN     "stripe_subscription_id" TEXT,
ADD COLUMN     "subscription_status" TEXT,
ADD COLUMN     "subscription_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "trial_ends_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "tenant_applications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_name" TEXT NOT NULL,
    "kind" "tenant_kind" NOT NULL,
    "region" TEXT NOT NULL,
    "business_registration_number" TEXT,
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "contact_phone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_user_id" UUID,
    "created_tenant_id" UUID,
    "rejection_reason" TEXT,

    CONSTRAINT "tenant_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "stripe_created_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_identities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_signers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_signers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directory_imports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "uploaded_by_user_id" UUID,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "full" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'validating',
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "create_missing_departments" BOOLEAN NOT NULL DEFAULT false,
    "deactivate_missing" BOOLEAN NOT NULL DEFAULT false,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "directory_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directory_import_rows" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "action" TEXT NOT NULL,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "directory_import_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sso_configs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_encrypted" TEXT NOT NULL,
    "match_by" TEXT NOT NULL DEFAULT 'email',
    "employee_number_claim" TEXT NOT NULL DEFAULT 'employee_number',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_applications_created_tenant_id_key" ON "tenant_applications"("created_tenant_id");

-- CreateIndex
CREATE INDEX "tenant_applications_status_created_at_idx" ON "tenant_applications"("status", "created_at");

-- CreateIndex
CREATE INDEX "user_identities_user_id_idx" ON "user_identities"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_identities_issuer_subject_key" ON "user_identities"("issuer", "subject");

-- CreateIndex
CREATE INDEX "certificate_signers_tenant_id_position_idx" ON "certificate_signers"("tenant_id", "position");

-- CreateIndex
CREATE INDEX "directory_imports_tenant_id_created_at_idx" ON "directory_imports"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "directory_imports_tenant_id_id_key" ON "directory_imports"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "directory_import_rows_tenant_id_import_id_action_idx" ON "directory_import_rows"("tenant_id", "import_id", "action");

-- CreateIndex
CREATE UNIQUE INDEX "directory_import_rows_tenant_id_import_id_row_number_key" ON "directory_import_rows"("tenant_id", "import_id", "row_number");

-- CreateIndex
CREATE UNIQUE INDEX "sso_configs_tenant_id_key" ON "sso_configs"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tenant_id_token_hash_key" ON "api_tokens"("tenant_id", "token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_stripe_customer_id_key" ON "tenants"("stripe_customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_stripe_subscription_id_key" ON "tenants"("stripe_subscription_id");

-- AddForeignKey
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_signers" ADD CONSTRAINT "certificate_signers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_import_rows" ADD CONSTRAINT "directory_import_rows_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_import_rows" ADD CONSTRAINT "directory_import_rows_tenant_id_import_id_fkey" FOREIGN KEY ("tenant_id", "import_id") REFERENCES "directory_imports"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sso_configs" ADD CONSTRAINT "sso_configs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below: checks the schema cannot express, and row-level security for the new tenant tables.
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_brand_color_check" CHECK ("brand_color" ~ '^#[0-9a-fA-F]{6}$');
ALTER TABLE "tenant_applications" ADD CONSTRAINT "tenant_applications_status_check" CHECK ("status" IN ('pending', 'approved', 'rejected'));
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_status_check" CHECK ("status" IN ('validating', 'invalid', 'ready', 'applying', 'applied', 'failed'));
ALTER TABLE "sso_configs" ADD CONSTRAINT "sso_configs_match_by_check" CHECK ("match_by" IN ('email', 'employee_number'));

ALTER TABLE "certificate_signers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "certificate_signers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "certificate_signers"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "directory_imports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "directory_imports" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "directory_imports"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "directory_import_rows" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "directory_import_rows" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "directory_import_rows"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "sso_configs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sso_configs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "sso_configs"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "api_tokens"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
