// Seeds the two real programs' cities and the platform operator. Idempotent. Usage: tsx scripts/seed.ts
import { config } from "@mentoring/config";
import { createDatabase } from "../src/database";
import { seedAll } from "../src/seed";

const db = createDatabase(config().DATABASE_URL);
try {
  const summaries = await seedAll(db, (slug, done, total) => {
    const bar = "█".repeat(Math.round((done / total) * 20)).padEnd(20, "░");
    // A terminal sees one bar filling up; a log file sees one line per step.
    process.stdout.write(`${process.stdout.isTTY ? "\r" : ""}  ${slug}: staff ${bar} ${done}/${total}`);
    if (done === total || !process.stdout.isTTY) process.stdout.write("\n");
  });
  for (const s of summaries) {
    console.log(
      `${s.slug}: ${s.departments} departments, ${s.staff} staff ${s.created ? "(created)" : "(already there, updated)"}`,
    );
    for (const account of s.accounts)
      console.log(`  ${account.roles.join(",").padEnd(13)} ${account.email} (${account.name})`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.disconnect();
}
