-- A revoked certificate outlives the team it was for: publishing new teams (allowed once every issued
-- certificate of the cohort is revoked) detaches it, so /verify still shows it as revoked.

-- AlterTable
ALTER TABLE "certificates" ALTER COLUMN "team_id" DROP NOT NULL;
