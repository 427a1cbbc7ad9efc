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
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const name = "d-database-outage-60s";
const OUTAGE_MS = 60_000;
let scenario: Scenario | undefined;
let worker: WorkerProcess | undefined;
let proxy: TcpProxy | undefined;
afterAll(async () => {
  await worker?.kill();
  await proxy?.close();
  await scenario?.close();
});

it("loses no work through a 60 s database outage (every connection cut and refused)", async () => {
  scenario = await startScenario(name);
  const { sink, database } = scenario;
  const target = new URL(database.urls.app);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const work = await enqueueWork(database.db, "outage", 200);
  progress(name, `enqueued ${work.emailIds.length} mails and ${work.maintenance} maintenance jobs`);
  worker = startWorker(name, scenario.workerEnv({ port: proxy.port }));
  await worker.started;
  await waitForMails(sink, work.emailIds, 50);

  proxy.down();
  progress(
    name,
    `round 1: database cut off (proxy :${proxy.port}) after ${receivedCount(sink, work.emailIds)} mails`,
  );
  // Work keeps being accepted meanwhile: the web app's own connections are not cut.
  const more = await enqueueWork(database.db, "outage-during", 50);
  progress(name, `enqueued ${more.emailIds.length} more mails during the outage`);
  await sleep(OUTAGE_MS / 2);
  progress(
    name,
    `outage: ${OUTAGE_MS / 2000} s in, ${receivedCount(sink, work.emailIds)} mails of the first batch`,
  );
  await sleep(OUTAGE_MS / 2);
  proxy.up();
  const faultEndedAt = Date.now();
  progress(name, "database reachable again");

  const emailIds = [...work.emailIds, ...more.emailIds];
  const figures = await settle({
    scenario: name,
    db: database.db,
    sink,
    emailIds,
    redisUrl: scenario.redis.url,
    prefix: scenario.prefix,
    faultEndedAt,
    timeoutMs: 150_000,
  });
  const relayErrors = worker.lines.filter((line) => line.msg.startsWith("outbox relay failed")).length;
  const retried = worker.lines.filter((line) => line.msg === "job failed: it will be retried").length;
  writeResult({
    scenario: name,
    rounds: 1,
    ...figures,
    durationSeconds: (Date.now() - scenario.started) / 1000,
    notes: [
      `${relayErrors} relay errors logged, ${retried} job attempts failed and were retried during the outage`,
    ],
  });
  expect(figures).toMatchObject({ lost: 0, stuck: 0 });
  expect(figures.duplicated).toBe(0);
});
