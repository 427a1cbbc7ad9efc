// The one seed: the two real programs' cities (directories, accounts, the platform operator) and their
// programs. Idempotent. Usage:
//   npm run db:seed                           the programs as they stood in 2025 (what the browser tests read)
//   tsx scripts/seed.ts --timeline [YYYY-MM-DD]  the demo's: every phase live on that day (default today
//                                             in Seoul; DEMO_TODAY works too), as `npm run demo` seeds them
import { config } from "@mentoring/config";
import { createDatabase } from "@mentoring/db";
import { cliProgress } from "@mentoring/db/cli-progress";
import { PLATFORM_OPERATOR_EMAIL, seedAll } from "@mentoring/db/seed";
import { parseCalendarDate } from "@mentoring/domain";
import { seedPrograms } from "../src/seed";
import { demoSignIns, demoToday, seedDemoTimeline } from "../src/seed-timeline";

// Seeded accounts without a password get this one, so the demo can be signed in to at once.
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "mentoring-demo-2025";
const timeline = process.argv.indexOf("--timeline");
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
  if (timeline === -1) {
    await seedPrograms(db);
    console.log(
      "programs: 강릉시 거꾸로 멘토링 2기 (orientation), 용인특례시 신규 공직자 멘토링 1기 (orientation), 2기 (recruiting)",
    );
  } else {
    const given = process.argv[timeline + 1] ?? process.env.DEMO_TODAY;
    const today = given ? parseCalendarDate(given) : demoToday();
    if (!today) throw new Error(`not a day (YYYY-MM-DD): ${given}`);
    const started = performance.now();
    const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    const result = await seedDemoTimeline(db, {
      today,
      appUrl: config().APP_URL,
      onStep: (step) => console.log(`  ${step} (${seconds()})`),
    });
    if (result.seeded) console.log(`programs seeded on a timeline anchored to ${today} in ${seconds()}`);
    else if (result.anchoredOn === today)
      console.log(`programs already seeded for ${today}: kept as they are`);
    else
      console.log(
        `programs already there, ${result.anchoredOn ? `anchored to ${result.anchoredOn}` : "not on the demo's timeline"}, not to today (${today}): kept as they are.\n` +
          "  `npm run demo -- --fresh` empties the demo database and seeds them again on today's timeline.",
      );
    for (const person of await demoSignIns(db))
      console.log(
        `  participant   ${person.email} (${person.cohort} ${person.team}팀 ${person.role}: ${person.why})`,
      );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.disconnect();
}
