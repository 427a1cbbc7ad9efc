import { createDatabase, type Database } from "@mentoring/db";
import { connect, credentialsOf } from "@mentoring/db/provision";
import { afterAll, expect, it } from "vitest";
import {
  enqueueWork,
  progress,
  type Scenario,
  settle,
  startScenario,
  startWorker,
  type WorkerProcess,
  waitForMails,
  writeResult,
} from "./harness";

const name = "e-database-restore";
let scenario: Scenario | undefined;
const workers: WorkerProcess[] = [];
const databases: Database[] = [];
const copies: string[] = [];
afterAll(async () => {
  for (const worker of workers) await worker.kill();
  for (const db of databases) await db.disconnect();
  if (scenario) {
    const admin = await connect(scenario.database.urls.admin);
    try {
      for (const copy of copies) await admin.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await scenario?.close();
});

/** CREATE DATABASE … TEMPLATE: the source must have no connection open (the caller closed its own). */
async function copyDatabase(admin: string, owner: string, source: string, copy: string): Promise<void> {
  const client = await connect(admin);
  try {
    await client.query(`CREATE DATABASE "${copy}" TEMPLATE "${source}" OWNER "${owner}"`);
    copies.push(copy);
  } finally {
    await client.end();
  }
}

it("runs all new work after the database is restored from a snapshot, with Redis remembering the old jobs", async () => {
  scenario = await startScenario(name);
  const { sink, database } = scenario;
  const { admin, app, owner } = database.urls;
  const ownerRole = credentialsOf(owner).user;
  const snapshot = `${database.name}_snap`;
  const restored = `${database.name}_restored`;

  // The backup, taken before any work: the source database must have no connection open.
  await database.db.disconnect();
  await copyDatabase(admin, ownerRole, database.name, snapshot);
  progress(name, `snapshot ${snapshot} taken`);
  const live = createDatabase(app, { poolSize: 2 });
  databases.push(live);

  const before = await enqueueWork(live, "before-restore", 100);
  const first = startWorker(`${name}-1`, scenario.workerEnv());
  workers.push(first);
  await first.started;
  await waitForMails(sink, before.emailIds, before.emailIds.length, 60_000);
  const beforeFigures = await settle({
    scenario: name,
    db: live,
    sink,
    emailIds: before.emailIds,
    redisUrl: scenario.redis.url,
    prefix: scenario.prefix,
    faultEndedAt: Date.now(),
    timeoutMs: 30_000,
  });
  const [{ max: lastIdBefore } = { max: 0n }] = await live.platform.$queryRaw<{ max: bigint }[]>`
    select max(id) as max from outbox_events`;
  progress(name, `before the restore: ${beforeFigures.jobs} jobs done, stuck ${beforeFigures.stuck}`);
  await first.kill("SIGTERM");
  await live.disconnect();

  // The restore: a new database from the snapshot; the worker is pointed at it, Redis keeps its memory.
  await copyDatabase(admin, ownerRole, snapshot, restored);
  const restoredApp = new URL(app);
  restoredApp.pathname = `/${restored}`;
  const restoredDb = createDatabase(restoredApp.toString(), { poolSize: 2 });
  databases.push(restoredDb);
  progress(
    name,
    `round 1: restored into ${restored}; Redis still holds ${beforeFigures.jobs} completed jobs`,
  );

  const env = scenario.workerEnv();
  const workerUrl = new URL(env.DATABASE_URL);
  workerUrl.pathname = `/${restored}`;
  const second = startWorker(`${name}-2`, { ...env, DATABASE_URL: workerUrl.toString() });
  workers.push(second);
  await second.started;
  const faultEndedAt = Date.now();
  const after = await enqueueWork(restoredDb, "after-restore", 100);
  const [{ min: firstIdAfter } = { min: 0n }] = await restoredDb.platform.$queryRaw<{ min: bigint }[]>`
    select min(id) as min from outbox_events`;
  progress(
    name,
    `enqueued ${after.emailIds.length} new mails; outbox ids restarted at ${firstIdAfter} (were up to ${lastIdBefore})`,
  );

  const figures = await settle({
    scenario: name,
    db: restoredDb,
    sink,
    emailIds: after.emailIds,
    redisUrl: scenario.redis.url,
    prefix: scenario.prefix,
    faultEndedAt,
    timeoutMs: 120_000,
  });
  writeResult({
    scenario: name,
    rounds: 1,
    ...figures,
    lost: figures.lost + beforeFigures.lost,
    stuck: figures.stuck + beforeFigures.stuck,
    duplicated: figures.duplicated + beforeFigures.duplicated,
    jobs: figures.jobs + beforeFigures.jobs,
    mails: figures.mails + beforeFigures.mails,
    durationSeconds: (Date.now() - scenario.started) / 1000,
    notes: [
      `outbox ids after the restore started again at ${firstIdAfter} (below ${lastIdBefore}, ids BullMQ remembers): job ids from job_key did not collide`,
    ],
  });
  expect(figures).toMatchObject({ lost: 0, stuck: 0, duplicated: 0 });
  expect(beforeFigures).toMatchObject({ lost: 0, stuck: 0, duplicated: 0 });
});
