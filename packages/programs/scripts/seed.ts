// The one seed: the two real programs' cities (directories, accounts, the platform operator) and their
// programs (templates, cohorts, applicants, pre-surveys). Idempotent. Usage: npm run db:seed
import { config } from "@mentoring/config";
import { createDatabase } from "@mentoring/db";
import { cliProgress } from "@mentoring/db/cli-progress";
import { PLATFORM_OPERATOR_EMAIL, seedAll } from "@mentoring/db/seed";
import { seedPrograms } from "../src/seed";

// Seeded accounts without a password get this one, so the demo can be signed in to at once.
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "mentoring-demo-2025";
const db = createDatabase(config().DATABASE_URL);
try {
  const bars = new Map<string, (done: number) => void>();
  const summaries = await seedAll(db, {
    password: DEMO_PASSWORD,
    onProgress(slug, done, total) {
      if (!bars.has(slug)) bars.set(slug, cliProgress(`  ${slug}: staff`, total));
      bars.get(slug)?.(done);
    },
  });
  for (const s of summaries) {
    console.log(
      `${s.slug}: ${s.departments} departments, ${s.staff} staff ${s.created ? "(created)" : "(already there, updated)"}`,
    );
    for (const account of s.accounts)
      console.log(`  ${account.roles.join(",").padEnd(13)} ${account.email} (${account.name})`);
  }
  console.log(
    `  operator      ${PLATFORM_OPERATOR_EMAIL}\npassword of every seeded account: ${DEMO_PASSWORD}`,
  );
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
