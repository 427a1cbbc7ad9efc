-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "nudged_on" DATE;
