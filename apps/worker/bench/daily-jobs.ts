// The daily programme jobs at national scale: every local government (243 tenants) running a cohort of
// 100 published teams, the silent-team nudge and the day-before reminder each run through the worker's own
// job handler, as the worker runs them at 10:00 and 09:30 in Korea. Target (issue 15): each < 60 s.
// Usage: npm run bench -w @mentoring/worker
//   BENCH_TENANTS (243), BENCH_TEAMS (100 per tenant): a smaller run while working on the jobs.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { cliProgress } from "@mentoring/db/cli-progress";
import { connect, withDatabase } from "@mentoring/db/provision";
import { createTestDatabase } from "@mentoring/db/testing";
import { startOfDayIn } from "@mentoring/domain";
import { tenantToday } from "@mentoring/programs";
import type { JobContext } from "../src/jobs/handler";
import { nudgeSilentTeamsAt } from "../src/jobs/nudge-silent-teams";
import { remindTomorrowAt } from "../src/jobs/remind-tomorrow";
import { createLogger } from "../src/logger";
import { seedJobScale, TIME_ZONE } from "./job-scale-seed";

const TENANTS = Number(process.env.BENCH_TENANTS ?? 243);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 100);
const TARGET_SECONDS = 60;

const load = () => loadavg()[0]?.toFixed(2) as string;
const database = await createTestDatabase();
const { db } = database;
try {
  // 10:00 today in Seoul: when the nudge is scheduled (the reminder, at 09:30, sees the same today).
  const now = new Date(startOfDayIn(tenantToday(TIME_ZONE), TIME_ZONE).getTime() + 10 * 3_600_000);
  console.log(`${TENANTS} tenants × ${TEAMS} teams, load average ${load()} (${database.name})`);
  let started = performance.now();
  const seed = await seedJobScale(db, {
    tenants: TENANTS,
    teamsPerTenant: TEAMS,
    now,
    onTenant: cliProgress("seeding tenants", TENANTS),
  });
  const owner = await connect(database.urls.owner);
  // Statistics, as autovacuum would have gathered them on a database in use.
  await owner.query("analyze");
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(
    `seeded in ${seedSeconds.toFixed(1)} s: ${seed.teams.toLocaleString("en")} teams, ` +
      `${seed.people.toLocaleString("en")} people, ${seed.activities.toLocaleString("en")} activities; ` +
      `${seed.silentTeams.toLocaleString("en")} teams silent ≥ 21 days, ` +
      `${seed.teamsDueANudge.toLocaleString("en")} of them due a nudge; ${seed.remindersDue.toLocaleString("en")} reminders due`,
  );

  const context: JobContext = {
    db,
    log: createLogger(process.env.LOG_LEVEL ?? "warn"),
    mailer: {
      async send() {
        throw new Error("the benchmark sends no mail: it measures queueing it");
      },
      close() {},
    },
    signal: new AbortController().signal,
    async progress() {},
  };
  const mailsQueued = () => db.platform.outgoingEmail.count();
  const jobsQueued = () => db.platform.outboxEvent.count();
  // In-app notices of every tenant at once: counted as the administrator, whom row-level security lets see
  // all tenants' rows (0 before the notifications table existed).
  const admin = await connect(withDatabase(database.urls.admin, database.name));
  const noticesKept = async () => {
    const { rows } = await admin.query<{ count: string }>(
      "select case when to_regclass('notifications') is null then 0 else (select count(*) from notifications) end as count",
    );
    return Number(rows[0]?.count ?? 0);
  };

  const rows: Record<string, string | number>[] = [];
  async function measure(job: string, run: string, work: () => Promise<unknown>, expectedMails: number) {
    const [mailsBefore, jobsBefore, noticesBefore] = [
      await mailsQueued(),
      await jobsQueued(),
      await noticesKept(),
    ];
    const loadBefore = load();
    const cpu = process.cpuUsage();
    started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const mails = (await mailsQueued()) - mailsBefore;
    rows.push({
      job,
      run,
      seconds: seconds.toFixed(1),
      "teams/s": Math.round(seed.teams / seconds),
      "mails queued": mails,
      "mails/s": Math.round(mails / seconds),
      "outbox jobs": (await jobsQueued()) - jobsBefore,
      "in-app notices": (await noticesKept()) - noticesBefore,
      "node CPU s": ((user + system) / 1e6).toFixed(1),
      load: `${loadBefore}→${load()}`,
      "< 60 s": seconds < TARGET_SECONDS ? "yes" : "NO",
    });
    console.log(`${job} (${run}): ${seconds.toFixed(1)} s, ${JSON.stringify(result)}`);
    if (mails !== expectedMails)
      console.warn(`  expected ${expectedMails} mails from the seed, ${mails} were queued`);
  }

  const nudge = nudgeSilentTeamsAt(() => now);
  const remind = remindTomorrowAt(() => now);
  await measure("teams.nudge-silent", "first of the day", () => nudge({}, context), seed.teamsDueANudge * 4);
  await measure("teams.nudge-silent", "again, same day", () => nudge({}, context), 0);
  await measure("calendar.remind-tomorrow", "first of the day", () => remind({}, context), seed.remindersDue);
  await measure("calendar.remind-tomorrow", "again, same day", () => remind({}, context), 0);
  await owner.end();
  await admin.end();

  console.log(
    `\n${TENANTS} tenants × ${TEAMS} teams (${seed.teams.toLocaleString("en")}); teams/s: all teams of every tenant ` +
      `over the run's wall clock; node CPU: this process (Prisma and mail composing), the rest is PostgreSQL ` +
      `and waiting; load: 1-minute load average before→after (2 cores)`,
  );
  console.table(rows);
} finally {
  await database.drop();
}
