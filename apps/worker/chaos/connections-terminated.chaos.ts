import { afterAll, expect, it } from "vitest";
import {
  enqueueWork,
  progress,
  receivedCount,
  type Scenario,
  settle,
  sleep,
  startScenario,
  startWorker,
  type WorkerProcess,
  waitForMails,
  writeResult,
} from "./harness";

const name = "c-pg-terminate-backend";
const ROUNDS = 4;
let scenario: Scenario | undefined;
let worker: WorkerProcess | undefined;
afterAll(async () => {
  await worker?.kill();
  await scenario?.close();
});

it(`loses no work when the worker's database connections are terminated ${ROUNDS} times mid-work`, async () => {
  scenario = await startScenario(name);
  const { sink, database, applicationName } = scenario;
  const work = await enqueueWork(database.db, "terminate", 200);
  progress(name, `enqueued ${work.emailIds.length} mails and ${work.maintenance} maintenance jobs`);
  worker = startWorker(name, scenario.workerEnv());
  await worker.started;
  await waitForMails(sink, work.emailIds, 20);

  let faultEndedAt = Date.now();
  for (let round = 1; round <= ROUNDS; round++) {
    // The app role may end its own sessions, which are the worker's (as an administrator or failover would).
    let ended = 0;
    const deadline = Date.now() + 5_000;
    while (ended === 0 && Date.now() < deadline) {
      const rows = await database.db.platform.$queryRaw<{ ended: boolean }[]>`
        select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = ${applicationName}`;
      ended = rows.filter((row) => row.ended).length;
      if (ended === 0) await sleep(50);
    }
    faultEndedAt = Date.now();
    progress(
      name,
      `round ${round}: ${ended} connections terminated after ${receivedCount(sink, work.emailIds)} mails`,
    );
    await sleep(1_500);
  }

  const figures = await settle({
    scenario: name,
    db: database.db,
    sink,
    emailIds: work.emailIds,
    redisUrl: scenario.redis.url,
    prefix: scenario.prefix,
    faultEndedAt,
    timeoutMs: 200_000,
  });
  const lost = worker.lines.filter((line) => line.msg === "database connection lost").length;
  const retried = worker.lines.filter((line) => line.msg === "job failed: it will be retried").length;
  writeResult({
    scenario: name,
    rounds: ROUNDS,
    ...figures,
    durationSeconds: (Date.now() - scenario.started) / 1000,
    notes: [
      `worker logged "database connection lost" ${lost} times; ${retried} job attempts failed and were retried`,
    ],
  });
  expect(figures).toMatchObject({ lost: 0, stuck: 0 });
  // ADR 0004: a database error never causes a second send ("accepted" is in the job before the row is marked).
  expect(figures.duplicated).toBe(0);
});
