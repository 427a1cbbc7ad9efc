-- AlterTable
ALTER TABLE "directory_imports" ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "request_fingerprint" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "directory_imports_tenant_id_idempotency_key_key" ON "directory_imports"("tenant_id", "idempotency_key");
