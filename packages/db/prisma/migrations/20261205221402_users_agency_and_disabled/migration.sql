-- AlterTable
ALTER TABLE "users" ADD COLUMN     "agency" TEXT,
ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);
