-- AlterTable
ALTER TABLE "matching_runs" ADD COLUMN     "exclusion_reasons" JSONB NOT NULL DEFAULT '{}';
