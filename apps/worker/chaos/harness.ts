import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Database } from "@mentoring/db";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { enqueue, producerConnection, Queues } from "@mentoring/jobs";
import { queueEmail } from "@mentoring/mail";
import { type MailSink, startMailSink } from "@mentoring/mail/testing";

/** apps/worker: where the worker process runs from, and where `.tmp/` results go. */
export const workerDir = fileURLToPath(new URL("..", import.meta.url));
export const resultsDir = join(workerDir, ".tmp", "chaos");
const suiteStarted = Number(process.env.CHAOS_STARTED_AT ?? Date.now());

/** One line per scenario step on the command line (the config lets console output through as it comes). */
export function progress(scenario: string, text: string): void {
  const seconds = ((Date.now() - suiteStarted) / 1000).toFixed(1).padStart(6);
  console.log(`[chaos ${seconds}s] ${scenario.padEnd(22)} ${text}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

/** A private Redis (never the machine's on 6379), keeping nothing on disk: a restart empties it. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** SIGKILL, as a crash or the OOM killer would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--save",
          "",
          "--appendonly",
          "no",
          "--dir",
          tmpdir(),
        ],
        { stdio: "ignore" },
      );
      const deadline = Date.now() + 10_000;
      while (!(await answersPing(port))) {
        if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
        await sleep(50);
      }
    },
    async kill() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    },
  };
  await redis.start();
  return redis;
}

export interface LogLine {
  msg: string;
  [key: string]: unknown;
}

export interface WorkerProcess {
  child: ChildProcess;
  lines: LogLine[];
  started: Promise<LogLine>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the worker exactly as `npm start` would; its log goes to `.tmp/chaos/<label>.log` for evidence. */
export function startWorker(
  label: string,
  env: { DATABASE_URL: string; REDIS_URL: string; SMTP_URL: string; QUEUE_PREFIX: string },
): WorkerProcess {
  mkdirSync(resultsDir, { recursive: true });
  const logFile = createWriteStream(join(resultsDir, `${label}.log`));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      ...process.env,
      ...env,
      STORAGE_DIR: join(tmpdir(), `mentoring-chaos-${label}`),
      // The scenarios' workers run at once against one PostgreSQL of 100 connections, a killed worker's
      // sessions lingering beside its successor's: 20 each (a deployment's default) ran out of slots.
      DATABASE_POOL_SIZE: "5",
      WORKER_HEALTH_PORT: "0",
      WORKER_SHUTDOWN_GRACE_SECONDS: "3",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.pipe(logFile);
  const lines: LogLine[] = [];
  let onStarted: (line: LogLine) => void = () => {};
  const started = new Promise<LogLine>((resolve, reject) => {
    onStarted = resolve;
    child.once("exit", (code, signal) => reject(new Error(`worker ${label} exited (${code ?? signal})`)));
  });
  started.catch(() => {});
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    logFile.write(`${text}\n`);
    try {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      if (line.msg === "worker started") onStarted(line);
    } catch {
      // Not a log line (a warning printed by a library): kept in the file only.
    }
  });
  return {
    child,
    lines,
    started,
    async kill(signal = "SIGKILL") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill(signal);
      await exited;
    },
  };
}

/** The work a scenario asks for, through the outbox as the web app does: mails and cheap maintenance jobs. */
export interface Work {
  emailIds: string[];
  maintenance: number;
}

export async function enqueueWork(db: Database, tag: string, mails: number): Promise<Work> {
  const work: Work = { emailIds: [], maintenance: 0 };
  for (let start = 0; start < mails; start += 10) {
    await db.platform.$transaction(async (tx) => {
      for (let index = start; index < Math.min(start + 10, mails); index++) {
        work.emailIds.push(
          await queueEmail(tx, {
            to: `chaos-${tag}-${index}@example.kr`,
            locale: "ko",
            message: {
              kind: "password_reset",
              name: `시험 ${index}`,
              link: `http://127.0.0.1:3000/reset-password/chaos-${tag}-${index}`,
              validMinutes: 30,
            },
          }),
        );
      }
      // A cheap job of another queue between every ten mails.
      await enqueue(tx, "maintenance.purge-outbox", { olderThanDays: 30 });
      work.maintenance++;
    });
  }
  return work;
}

export const messageIdOf = (emailId: string) => `<${emailId}@mentoring.local>`;

/** How many of the expected mails the sink has received at least once. */
export function receivedCount(sink: MailSink, emailIds: readonly string[]): number {
  const expected = new Set(emailIds.map(messageIdOf));
  return new Set(sink.mails.map((mail) => mail.messageId).filter((id) => id && expected.has(id))).size;
}

export async function waitForMails(
  sink: MailSink,
  emailIds: readonly string[],
  count: number,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (receivedCount(sink, emailIds) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} mails received within ${timeoutMs} ms`);
    await sleep(25);
  }
}

interface OutboxFigures {
  total: number;
  unpublished: number;
  open: number;
  failed: number;
  lastCompletedAt: Date | null;
  unsentMails: number;
}

async function outboxFigures(db: Database): Promise<OutboxFigures> {
  const [row] = await db.platform.$queryRaw<
    { total: bigint; unpublished: bigint; open: bigint; failed: bigint; last_completed_at: Date | null }[]
  >`
    select count(*) as total,
      count(*) filter (where published_at is null) as unpublished,
      count(*) filter (where completed_at is null and failed_at is null) as open,
      count(*) filter (where failed_at is not null) as failed,
      max(completed_at) as last_completed_at
    from outbox_events`;
  const [mail] = await db.platform.$queryRaw<{ unsent: bigint }[]>`
    select count(*) as unsent from outgoing_emails where sent_at is null`;
  return {
    total: Number(row?.total ?? 0),
    unpublished: Number(row?.unpublished ?? 0),
    open: Number(row?.open ?? 0),
    failed: Number(row?.failed ?? 0),
    lastCompletedAt: row?.last_completed_at ?? null,
    unsentMails: Number(mail?.unsent ?? 0),
  };
}

/** Outbox jobs BullMQ still holds as waiting, delayed or active (recurring jobs' schedules left aside). */
async function unfinishedJobs(redisUrl: string, prefix: string): Promise<number> {
  const connection = producerConnection(redisUrl);
  connection.on("error", () => {});
  const queues = new Queues(connection, prefix);
  try {
    let count = 0;
    for (const name of ["email", "maintenance"]) {
      const jobs = await queues
        .get(name)
        .getJobs(["active", "waiting", "delayed", "prioritized", "waiting-children"]);
      count += jobs.filter((job) => job?.id?.startsWith("outbox-")).length;
    }
    return count;
  } finally {
    await queues.close();
    connection.disconnect();
  }
}

export interface ScenarioResult {
  scenario: string;
  rounds: number;
  jobs: number;
  mails: number;
  lost: number;
  duplicated: number;
  stuck: number;
  recoverySeconds: number | null;
  durationSeconds: number;
  notes: string[];
}

/**
 * Waits until every accepted piece of work is done (every outbox row has its outcome, every expected mail
 * arrived, nothing waits in BullMQ), or until `timeoutMs`; then counts what was lost, duplicated or stuck.
 * Recovery is measured from `faultEndedAt` to the last piece of work done (a row's completion or a mail's
 * arrival, whichever came last).
 */
export async function settle(options: {
  scenario: string;
  db: Database;
  sink: MailSink;
  emailIds: readonly string[];
  redisUrl: string;
  prefix: string;
  faultEndedAt: number;
  timeoutMs: number;
}): Promise<Omit<ScenarioResult, "scenario" | "rounds" | "durationSeconds" | "notes">> {
  const { db, sink, emailIds, faultEndedAt } = options;
  const deadline = Date.now() + options.timeoutMs;
  let figures = await outboxFigures(db);
  let lastReport = Date.now();
  for (;;) {
    const received = receivedCount(sink, emailIds);
    if (figures.open === 0 && figures.unpublished === 0 && received === emailIds.length) break;
    if (Date.now() > deadline) break;
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      progress(
        options.scenario,
        `waiting: ${received}/${emailIds.length} mails, ${figures.open} of ${figures.total} outbox rows open`,
      );
    }
    await sleep(250);
    figures = await outboxFigures(db);
  }
  const counts = new Map<string, number>();
  for (const mail of sink.mails)
    if (mail.messageId) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  const missingMails = emailIds.filter((id) => !counts.has(messageIdOf(id))).length;
  const duplicated = emailIds.reduce(
    (sum, id) => sum + Math.max(0, (counts.get(messageIdOf(id)) ?? 0) - 1),
    0,
  );
  const lastMail = Math.max(0, ...sink.mails.map((mail) => mail.receivedAt.getTime()));
  const lastDone = Math.max(lastMail, figures.lastCompletedAt?.getTime() ?? 0);
  const stuckJobs = await unfinishedJobs(options.redisUrl, options.prefix);
  return {
    jobs: figures.total,
    mails: emailIds.length,
    // Work that will not happen: mails never received, rows whose job failed for good.
    lost: missingMails + figures.failed,
    duplicated,
    // Work left hanging: rows without an outcome, mails not marked sent, jobs still in BullMQ.
    stuck: figures.open + Math.max(0, figures.unsentMails - missingMails) + stuckJobs,
    recoverySeconds: lastDone > 0 ? Math.max(0, (lastDone - faultEndedAt) / 1000) : null,
  };
}

export function writeResult(result: ScenarioResult): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${result.scenario}.json`), `${JSON.stringify(result, null, 2)}\n`);
  progress(
    result.scenario,
    `done: ${result.jobs} jobs, lost ${result.lost}, duplicated ${result.duplicated}, stuck ${result.stuck}, recovery ${result.recoverySeconds?.toFixed(1)} s`,
  );
}

/** What every scenario starts from: a fresh database, a private Redis, an SMTP sink, a queue prefix. */
export interface Scenario {
  name: string;
  database: TestDatabase;
  redis: PrivateRedis;
  sink: MailSink;
  prefix: string;
  /** The worker's application_name in pg_stat_activity. */
  applicationName: string;
  /** The worker's DATABASE_URL (the app role, named by applicationName). */
  workerDatabaseUrl(via?: { port: number }): string;
  workerEnv(via?: { port: number }): Parameters<typeof startWorker>[1];
  started: number;
  close(): Promise<void>;
}

export async function startScenario(name: string): Promise<Scenario> {
  const started = Date.now();
  const [database, redis, sink] = await Promise.all([
    createTestDatabase(),
    startPrivateRedis(),
    startMailSink(),
  ]);
  const prefix = `chaos-${randomBytes(3).toString("hex")}`;
  const applicationName = `worker-${name}-${prefix}`;
  const workerDatabaseUrl = (via?: { port: number }) => {
    const url = new URL(database.urls.app);
    url.searchParams.set("application_name", applicationName);
    if (via) {
      url.hostname = "127.0.0.1";
      url.port = String(via.port);
    }
    return url.toString();
  };
  progress(name, `started: database ${database.name}, redis :${redis.port}, smtp :${sink.port}`);
  return {
    name,
    database,
    redis,
    sink,
    prefix,
    applicationName,
    workerDatabaseUrl,
    workerEnv: (via) => ({
      DATABASE_URL: workerDatabaseUrl(via),
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      QUEUE_PREFIX: prefix,
    }),
    started,
    async close() {
      await redis.kill();
      await sink.close();
      await database.drop();
    },
  };
}
