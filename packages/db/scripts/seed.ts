// Seeds the two real programs' cities and the platform operator. Idempotent. Usage: tsx scripts/seed.ts
import { config } from "@mentoring/config";
import { cliProgress } from "../src/cli-progress";
import { createDatabase } from "../src/database";
import { PLATFORM_OPERATOR_EMAIL, seedAll } from "../src/seed";

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
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.disconnect();
}
