// A worker process that the worker-deaths test kills with SIGKILL: it takes maintenance jobs with the
// runtime's real settings (save a short lock, so that a dead worker is noticed in about a second), says so
// on stdout, and never finishes them.
// Usage: node --import tsx test/stalling-worker.ts <queue prefix>
import { config } from "@mentoring/config";
import { createDatabase } from "@mentoring/db";
import { workerConnection } from "@mentoring/jobs";
import { handlers } from "../src/jobs";
import { startWorkers } from "../src/runtime";
import { log, noMail } from "./support";

const prefix = process.argv[2];
if (!prefix) throw new Error("usage: stalling-worker.ts <queue prefix>");

startWorkers({
  db: createDatabase(config().DATABASE_URL),
  mailer: noMail,
  handlers: {
    ...handlers,
    "maintenance.purge-outbox": async () => {
      process.stdout.write("taken\n");
      await new Promise(() => {});
    },
  },
  connection: workerConnection(config().REDIS_URL),
  prefix,
  concurrency: 1,
  queues: ["maintenance"],
  log,
  lockDurationMs: 1_000,
  stalledIntervalMs: 500,
});
process.stdout.write("ready\n");
