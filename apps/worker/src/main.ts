// The worker process: relays the outbox to BullMQ, runs jobs, schedules recurring ones, answers health
// checks, and shuts down gracefully on SIGTERM or SIGINT.
import type { AddressInfo } from "node:net";
import { config } from "@mentoring/config";
import {
  assertDatabaseReachable,
  createDatabaseProbe,
  createProcessDatabase,
  createProcessReplicaLagReader,
} from "@mentoring/db";
import {
  assertRedisReachable,
  dependencyChecks,
  producerConnection,
  Queues,
  workerConnection,
} from "@mentoring/jobs";
import { LocalFileStorage } from "@mentoring/storage";
import { startHealthServer } from "./health";
import { handlers } from "./jobs";
import { createLogger } from "./logger";
import { createSmtpMailer } from "./mailer";
import { createWorkerMetrics } from "./metrics";
import { RELAY_STUCK_AFTER_MS, startOutboxRelay } from "./outbox-relay";
import { startWorkers } from "./runtime";
import { keepRecurringJobsScheduled } from "./schedules";
import { keepTemporaryFilesInStorage, sweepAbandonedUploads, sweepIncompleteWrites } from "./storage-sweep";

const settings = config();
const log = createLogger(settings.LOG_LEVEL);

// Say at once, and how to fix it, when a service is missing, rather than retrying in silence.
await Promise.all([
  assertRedisReachable(settings.REDIS_URL),
  assertDatabaseReachable(settings.DATABASE_URL),
]).catch((error: Error) => {
  log.fatal(error.message);
  process.exit(1);
});

// Files half-written by a process that was killed (a certificate archive, a PDF, an upload) are removed
// before any job runs; leftovers younger than an hour are left to the batch's next generation.
await sweepIncompleteWrites(new LocalFileStorage(settings.STORAGE_DIR), new Date(), log);
// Temporary files (an XLSX import's worksheets spilled while it is read) stay under STORAGE_DIR too.
await keepTemporaryFilesInStorage(settings.STORAGE_DIR, new Date(), log);

// The final report's data is read from the replica when one is set (ADR 0028); everything else, the primary.
const db = createProcessDatabase(settings, log);
// Teams' uploads given up more than a day ago (never finished, or never attached to their form).
await sweepAbandonedUploads(db, new LocalFileStorage(settings.STORAGE_DIR), new Date(), log);
const producer = producerConnection(settings.REDIS_URL);
const consumer = workerConnection(settings.REDIS_URL);
for (const connection of [producer, consumer])
  connection.on("error", (err) => log.warn({ err }, "redis error"));

const queues = new Queues(producer, settings.QUEUE_PREFIX);
const stopScheduling = await keepRecurringJobsScheduled(queues, log);
const mailer = createSmtpMailer({ url: settings.SMTP_URL, from: settings.MAIL_FROM });
const runtime = startWorkers({
  db,
  mailer,
  handlers,
  connection: consumer,
  prefix: settings.QUEUE_PREFIX,
  concurrency: settings.WORKER_CONCURRENCY,
  log,
});
const replicaLag = createProcessReplicaLagReader(settings);
const metrics = createWorkerMetrics({
  db,
  queues,
  queueNames: runtime.workers.map((worker) => worker.name),
  replicaLag,
});
for (const worker of runtime.workers) metrics.observeWorker(worker);
const relay = startOutboxRelay({
  db,
  publisher: queues,
  log,
  batchSize: settings.OUTBOX_BATCH_SIZE,
  intervalMs: settings.OUTBOX_POLL_INTERVAL_MS,
});

let shuttingDown = false;
const databaseProbe = createDatabaseProbe(settings.DATABASE_URL);
const health = await startHealthServer(
  settings.WORKER_HEALTH_HOST,
  settings.WORKER_HEALTH_PORT,
  {
    live: () => !shuttingDown && Date.now() - relay.lastRoundAt.getTime() < RELAY_STUCK_AFTER_MS,
    ready: dependencyChecks(databaseProbe, producer),
  },
  { registry: metrics.registry, token: settings.METRICS_TOKEN },
);
log.info(
  { healthPort: (health.address() as AddressInfo).port, queues: runtime.workers.map((w) => w.name) },
  "worker started",
);

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ signal }, "shutting down: no new jobs, finishing active ones");
  const forceExit = setTimeout(
    () => {
      log.fatal("shutdown did not complete: exiting");
      process.exit(1);
    },
    (settings.WORKER_SHUTDOWN_GRACE_SECONDS + 15) * 1000,
  );
  forceExit.unref();
  stopScheduling();
  await relay.stop();
  await runtime.close(settings.WORKER_SHUTDOWN_GRACE_SECONDS * 1000);
  mailer.close();
  await queues.close();
  await Promise.all([producer.quit(), consumer.quit()]);
  await Promise.all([db.disconnect(), databaseProbe.close(), replicaLag?.close()]);
  await new Promise((resolve) => health.close(resolve));
  log.info("shutdown complete");
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
