-- AlterTable
ALTER TABLE "calendar_items" ADD COLUMN     "reminded_at" TIMESTAMPTZ(3);
