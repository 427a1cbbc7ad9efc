// Seeds the two real programs (templates, cohorts, applicants, pre-surveys) into the seeded cities. Run
// after packages/db/scripts/seed.ts; idempotent. Usage: tsx scripts/seed.ts
import { config } from "@mentoring/config";
import { createDatabase } from "@mentoring/db";
import { seedPrograms } from "../src/seed";

const db = createDatabase(config().DATABASE_URL);
try {
  await seedPrograms(db);
  console.log(
    "programs: 강릉시 거꾸로 멘토링 2기 (orientation), 용인특례시 신규 공직자 멘토링 1기 (orientation), 2기 (recruiting)",
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.disconnect();
}
