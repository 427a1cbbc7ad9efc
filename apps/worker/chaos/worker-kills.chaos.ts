import { afterAll, expect, it } from "vitest";
import {
  enqueueWork,
  progress,
  receivedCount,
  type Scenario,
  settle,
  startScenario,
  startWorker,
  type WorkerProcess,
  waitForMails,
  writeResult,
} from "./harness";

const name = "a-worker-sigkill";
let scenario: Scenario | undefined;
const workers: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of workers) await worker.kill();
  await scenario?.close();
});

it("loses no work when the worker is SIGKILLed twice mid-work", async () => {
  scenario = await startScenario(name);
  const { sink } = scenario;
  const work = await enqueueWork(scenario.database.db, "kill", 200);
  progress(name, `enqueued ${work.emailIds.length} mails and ${work.maintenance} maintenance jobs`);

  const start = (label: string) => {
    const worker = startWorker(`${name}-${label}`, (scenario as Scenario).workerEnv());
    workers.push(worker);
    return worker;
  };
  const first = start("1");
  await first.started;
  await waitForMails(sink, work.emailIds, 40);
  await first.kill();
  progress(name, `round 1: worker SIGKILLed after ${receivedCount(sink, work.emailIds)} mails`);
  const second = start("2");
  await second.started;
  const before = receivedCount(sink, work.emailIds);
  await waitForMails(sink, work.emailIds, Math.min(before + 30, work.emailIds.length - 20));
  await second.kill();
  progress(name, `round 2: worker SIGKILLed after ${receivedCount(sink, work.emailIds)} mails`);
  const faultEndedAt = Date.now();
  const third = start("3");
  await third.started;
  progress(name, "third worker started: waiting for the rest (stalled jobs come back after the 30 s lock)");

  const figures = await settle({
    scenario: name,
    db: scenario.database.db,
    sink,
    emailIds: work.emailIds,
    redisUrl: scenario.redis.url,
    prefix: scenario.prefix,
    faultEndedAt,
    timeoutMs: 200_000,
  });
  const stalls = third.lines.filter((line) => line.msg.startsWith("job stalled")).length;
  const resent = third.lines.filter((line) =>
    line.msg.startsWith("an earlier attempt died while sending"),
  ).length;
  writeResult({
    scenario: name,
    rounds: 2,
    ...figures,
    durationSeconds: (Date.now() - scenario.started) / 1000,
    notes: [
      `${stalls} stalled jobs taken back by the third worker; ${resent} mails sent again after their "sending" mark expired (ADR 0004: a copy with the same Message-ID when the worker died between the server's OK and "accepted")`,
    ],
  });
  expect(figures).toMatchObject({ lost: 0, stuck: 0 });
  // Duplicates are allowed here (ADR 0004): a worker killed between "250 OK" and writing "accepted".
  expect(figures.duplicated).toBeLessThanOrEqual(20);
});
