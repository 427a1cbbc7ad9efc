import { producerConnection, Queues } from "@mentoring/jobs";
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

const name = "b-redis-restart-empty";
let scenario: Scenario | undefined;
let worker: WorkerProcess | undefined;
afterAll(async () => {
  await worker?.kill();
  await scenario?.close();
});

/** The recurring jobs' schedulers Redis holds (upserted by the worker when it starts). */
async function schedulers(redisUrl: string, prefix: string): Promise<number> {
  const connection = producerConnection(redisUrl);
  connection.on("error", () => {});
  const queues = new Queues(connection, prefix);
  try {
    let count = 0;
    for (const queue of ["maintenance", "billing", "programs"])
      count += await queues.get(queue).getJobSchedulersCount();
    return count;
  } finally {
    await queues.close();
    connection.disconnect();
  }
}

it("loses no work when Redis restarts empty mid-work (the reconcile step publishes again)", async () => {
  scenario = await startScenario(name);
  const { sink, redis } = scenario;
  const work = await enqueueWork(scenario.database.db, "redis", 200);
  progress(name, `enqueued ${work.emailIds.length} mails and ${work.maintenance} maintenance jobs`);
  worker = startWorker(name, scenario.workerEnv());
  await worker.started;
  const schedulersBefore = await schedulers(redis.url, scenario.prefix);
  await waitForMails(sink, work.emailIds, 60);
  await redis.kill();
  progress(name, `round 1: Redis SIGKILLed after ${receivedCount(sink, work.emailIds)} mails`);
  await sleep(2_000);
  await redis.start();
  const faultEndedAt = Date.now();
  progress(
    name,
    "Redis started again, empty: waiting for the reconcile step (rows published > 60 s ago, every 30 s)",
  );

  const figures = await settle({
    scenario: name,
    db: scenario.database.db,
    sink,
    emailIds: work.emailIds,
    redisUrl: redis.url,
    prefix: scenario.prefix,
    faultEndedAt,
    timeoutMs: 200_000,
  });
  // The worker upserts them again every minute.
  let schedulersAfter = await schedulers(redis.url, scenario.prefix);
  for (const deadline = Date.now() + 70_000; schedulersAfter < schedulersBefore && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    schedulersAfter = await schedulers(redis.url, scenario.prefix);
  }
  const republished = worker.lines
    .filter((line) => line.msg.startsWith("outbox reconcile: jobs missing from Redis"))
    .reduce((sum, line) => sum + Number(line.republished ?? 0), 0);
  writeResult({
    scenario: name,
    rounds: 1,
    ...figures,
    durationSeconds: (Date.now() - scenario.started) / 1000,
    notes: [
      `${republished} jobs published again by the reconcile step; duplicates allowed (ADR 0004: a job Redis lost takes its "sending" mark with it)`,
      `recurring job schedulers in Redis: ${schedulersBefore} before the restart, ${schedulersAfter} after (upserted again every minute)`,
    ],
  });
  expect(figures).toMatchObject({ lost: 0, stuck: 0 });
  expect(schedulersAfter).toBe(schedulersBefore);
});
