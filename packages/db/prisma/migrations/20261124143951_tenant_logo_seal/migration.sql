-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "logo_key" TEXT,
ADD COLUMN     "seal_key" TEXT;
