// A worker process that the send-email test kills with SIGKILL right after the SMTP server accepted a mail
// and before the worker could record it: the one moment at which SMTP cannot promise once.
// Usage: node --import tsx test/mail-dying-worker.ts <queue prefix> <smtp url>
import { config } from "@mentoring/config";
import { createDatabase } from "@mentoring/db";
import { workerConnection } from "@mentoring/jobs";
import { handlers } from "../src/jobs";
import { createSmtpMailer, type Mailer } from "../src/mailer";
import { startWorkers } from "../src/runtime";
import { log } from "./support";

const [prefix, smtpUrl] = process.argv.slice(2);
if (!prefix || !smtpUrl) throw new Error("usage: mail-dying-worker.ts <prefix> <smtp url>");

const smtp = createSmtpMailer({ url: smtpUrl, from: config().MAIL_FROM });
const dyingAfterAcceptance: Mailer = {
  async send(mail) {
    await smtp.send(mail);
    process.stdout.write("accepted\n");
    await new Promise(() => {});
  },
  close: () => smtp.close(),
};

startWorkers({
  db: createDatabase(config().DATABASE_URL),
  mailer: dyingAfterAcceptance,
  handlers,
  connection: workerConnection(config().REDIS_URL),
  prefix,
  concurrency: 1,
  queues: ["email"],
  log,
  lockDurationMs: 1_000,
  stalledIntervalMs: 500,
});
process.stdout.write("ready\n");
