import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { config } from "@mentoring/config";
import type { TestDatabase } from "@mentoring/db/testing";
import { createTestDatabase } from "@mentoring/db/testing";
import { queueEmail } from "@mentoring/mail";
import { type MailSink, startMailSink } from "@mentoring/mail/testing";
import { UnrecoverableError } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../src/jobs";
import type { JobCheckpoint } from "../src/jobs/handler";
import { createSendEmail, SENDING_CLAIM_MS } from "../src/jobs/send-email";
import { createSmtpMailer, type Mailer } from "../src/mailer";
import { relayBatch } from "../src/outbox-relay";
import { startWorkers } from "../src/runtime";
import { createTenant, eventually, log, testRedis } from "./support";

let database: TestDatabase;
let redis: ReturnType<typeof testRedis>;
let tenantId: string;
let sinks: MailSink[];
let mailers: Mailer[];

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = await createTenant(database.db, "mail-city");
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(() => {
  redis = testRedis();
  sinks = [];
  mailers = [];
});
afterEach(async () => {
  for (const mailer of mailers) mailer.close();
  await Promise.all(sinks.map((sink) => sink.close()));
  await redis.close();
});

async function sink(port?: number): Promise<MailSink> {
  const started = await startMailSink(port === undefined ? {} : { port });
  sinks.push(started);
  return started;
}

function mailerFor(url: string): Mailer {
  const mailer = createSmtpMailer({ url, from: config().MAIL_FROM });
  mailers.push(mailer);
  return mailer;
}

const resetLink = "http://127.0.0.1:3000/reset-password/6Jm2-kQ_x9";

/** A password reset for 김민준, queued in a committed platform transaction. */
const queueReset = () =>
  database.db.platform.$transaction((tx) =>
    queueEmail(tx, {
      to: "MinJun.Kim@Yongin.go.kr",
      locale: "ko",
      message: { kind: "password_reset", name: "김민준", link: resetLink, validMinutes: 30 },
    }),
  );

const emailRow = (id: string) => database.db.platform.outgoingEmail.findUniqueOrThrow({ where: { id } });

const runWorker = (mailer: Mailer) =>
  startWorkers({
    db: database.db,
    mailer,
    handlers,
    connection: redis.consumer,
    prefix: redis.prefix,
    concurrency: 2,
    log,
    queues: ["email"],
  });

/** A job's data as BullMQ keeps it between attempts; every attempt of the same job sees the same one. */
function jobState(initial?: unknown): JobCheckpoint & { value: unknown } {
  const state = {
    value: initial,
    read: () => state.value,
    write: async (value: unknown) => {
      state.value = value;
    },
  };
  return state;
}

/** Calls the handler as the worker would, without BullMQ (one attempt of a job whose data is `checkpoint`). */
const sendNow = (emailId: string, mailer: Mailer, checkpoint: JobCheckpoint = jobState()) =>
  handlers["email.send"](
    { emailId },
    {
      db: database.db,
      log,
      mailer,
      progress: async () => {},
      signal: new AbortController().signal,
      checkpoint,
    },
  );

/** Sessions of this test's database inside a transaction (holding a pooled connection and its locks). */
const openTransactions = async () => {
  const [row] = await database.db.platform.$queryRaw<{ count: bigint }[]>`
    select count(*) as count from pg_stat_activity
    where datname = current_database() and state like 'idle in transaction%'`;
  return Number(row?.count ?? 0);
};

/** A worker taking over from a killed one: it finds the dead worker's job once its lease of a second ran out. */
const startSuccessor = (mailer: Mailer, sendEmail = handlers["email.send"]) =>
  startWorkers({
    db: database.db,
    mailer,
    handlers: { ...handlers, "email.send": sendEmail },
    connection: redis.consumer,
    prefix: redis.prefix,
    concurrency: 1,
    log,
    queues: ["email"],
    lockDurationMs: 1_000,
    stalledIntervalMs: 500,
  });

/** Starts a worker process that takes the next mail, has it accepted by `smtpUrl`, and is then killed. */
async function sendAndDie(smtpUrl: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/mail-dying-worker.ts", redis.prefix, smtpUrl],
    {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, DATABASE_URL: database.urls.app },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = once(child, "exit");
  try {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    for await (const line of lines) if (line === "accepted") break;
  } finally {
    // Killed as the OOM killer would: no shutdown, nothing recorded after the server's "250 OK".
    child.kill("SIGKILL");
    await exited;
  }
}

describe("sending e-mail", () => {
  it("delivers a mail queued in a committed transaction through the relay and a running worker", async () => {
    const smtp = await sink();
    const emailId = await queueReset();

    expect(await relayBatch(database.db, redis.queues, 100)).toBe(1);
    const runtime = runWorker(mailerFor(smtp.url));
    const sent = await eventually(
      () => emailRow(emailId),
      (row) => row.sentAt !== null,
    );
    await runtime.close(1_000);

    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail?.envelope.to).toEqual(["minjun.kim@yongin.go.kr"]);
    expect(mail?.from).toBe('"멘토링 플랫폼" <no-reply@mentoring.example.kr>');
    expect(mail?.subject).toBe("[멘토링 플랫폼] 비밀번호 재설정 안내");
    expect(mail?.messageId).toBe(`<${emailId}@mentoring.local>`);
    expect(mail?.text).toContain("김민준 님, 안녕하십니까.");
    expect(mail?.text).toContain(resetLink);
    expect(mail?.html).toContain(`href="${resetLink}"`);

    // Sent once; the bodies, which hold the one-time link, are gone; the subject stays for the record.
    expect(sent).toMatchObject({
      toAddress: "minjun.kim@yongin.go.kr",
      kind: "password_reset",
      locale: "ko",
      subject: "[멘토링 플랫폼] 비밀번호 재설정 안내",
      attempts: 1,
      lastError: null,
      textBody: null,
      htmlBody: null,
    });
  });

  it("sends an invitation queued in a tenant's transaction, in the invitee's language", async () => {
    const smtp = await sink();
    const link = "http://127.0.0.1:3000/invitations/Zk81_tQ";
    const emailId = await database.db.withTenant(tenantId, (tx) =>
      queueEmail(tx, {
        to: "new.mentor@example.com",
        locale: "en",
        message: {
          kind: "invitation",
          tenantName: "Yongin",
          roles: ["Coordinator", "Evaluator"],
          link,
          expiresAt: new Date("2026-12-01T09:05:00Z"),
          timeZone: "Asia/Seoul",
        },
      }),
    );
    // The job carries the row's id and nothing else: no address or link reaches Redis.
    const events = await database.db.platform.outboxEvent.findMany({ where: { jobName: "email.send" } });
    expect(events.map((event) => event.payload)).toContainEqual({ emailId });

    expect(await sendNow(emailId, mailerFor(smtp.url))).toEqual({ sent: true });
    expect(smtp.mails.map((mail) => mail.subject)).toEqual([
      "You have been invited to the Yongin mentoring platform",
    ]);
    expect(smtp.mails[0]?.text).toContain("Tuesday, December 1, 2026 at 6:05 PM (GMT+9)");
    expect(smtp.mails[0]?.text).toContain(link);
  });

  it("delivers one mail when the job runs twice for the same e-mail, even at the same time", async () => {
    const smtp = await sink();
    const mailer = mailerFor(smtp.url);
    const emailId = await queueReset();
    // Two workers running the same job at once (the first one's lock was lost) share its data.
    const job = jobState();

    const concurrent = await Promise.allSettled([
      sendNow(emailId, mailer, job),
      sendNow(emailId, mailer, job),
    ]);
    const again = await sendNow(emailId, mailer, job);

    expect(concurrent.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(concurrent.find((result) => result.status === "rejected")?.reason.message).toMatch(
      /another attempt started sending this e-mail/,
    );
    expect(again).toEqual({ skipped: true });
    expect(smtp.mails).toHaveLength(1);
    expect((await emailRow(emailId)).attempts).toBe(1);
  });

  it("holds no database transaction while the SMTP server is answering", async () => {
    const smtp = await sink();
    const real = mailerFor(smtp.url);
    let talking: () => void = () => {};
    const serverAnswering = new Promise<void>((resolve) => {
      talking = resolve;
    });
    let answer: () => void = () => {};
    const slowServer: Mailer = {
      async send(mail) {
        talking();
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        await real.send(mail);
      },
      close() {},
    };
    const emailId = await queueReset();

    const sending = sendNow(emailId, slowServer);
    await serverAnswering;
    const during = await openTransactions();
    answer();
    expect(await sending).toEqual({ sent: true });

    expect(during).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  it("does not send again while a killed worker might still be sending, then sends once more with the same Message-ID", async () => {
    const smtp = await sink();
    const emailId = await queueReset();
    await relayBatch(database.db, redis.queues, 100);

    await sendAndDie(smtp.url);
    expect(smtp.mails).toHaveLength(1);

    // The next worker notices the dead one within about a second and finds the mail marked "sending": it
    // may not tell a dead worker from a slow one yet, so it leaves the mail for later.
    const email = redis.queues.get("email");
    const job = (await email.getJobs(["waiting", "active"])).find(
      (queued) => queued.data.emailId === emailId,
    );
    expect(job).toBeDefined();
    const successor = startSuccessor(mailerFor(smtp.url));
    try {
      await eventually(
        async () => (job ? await job.getState() : "missing"),
        (state) => state === "delayed",
      );
    } finally {
      await successor.close(1_000);
    }
    expect(smtp.mails).toHaveLength(1);
    expect((await emailRow(emailId)).sentAt).toBeNull();

    // Once the mark is older than the claim, the worker is presumed dead: the mail goes out again under
    // the same Message-ID (the receiver can drop it) and is recorded as sent. A worker whose clock reads a
    // claim's length later stands for the time passing, however slow the machine.
    const later = startSuccessor(
      mailerFor(smtp.url),
      createSendEmail({ clock: () => new Date(Date.now() + SENDING_CLAIM_MS) }),
    );
    try {
      await job?.promote();
      const sent = await eventually(
        () => emailRow(emailId),
        (row) => row.sentAt !== null,
      );
      expect(smtp.mails.map((mail) => mail.messageId)).toEqual([
        `<${emailId}@mentoring.local>`,
        `<${emailId}@mentoring.local>`,
      ]);
      expect(sent).toMatchObject({ attempts: 1, lastError: null, textBody: null });
    } finally {
      await later.close(1_000);
    }
    // A child process started and killed, and leases of a second, on a machine whose load can stretch each.
  }, 90_000);

  it("records as sent, without sending again, a mail the SMTP server accepted on an earlier attempt", async () => {
    const smtp = await sink();
    const emailId = await queueReset();
    const job = jobState({
      state: "accepted",
      messageId: `<${emailId}@mentoring.local>`,
      at: new Date().toISOString(),
    });

    expect(await sendNow(emailId, mailerFor(smtp.url), job)).toEqual({ sent: true });

    expect(smtp.mails).toHaveLength(0);
    expect(await emailRow(emailId)).toMatchObject({ attempts: 1, textBody: null, htmlBody: null });
    expect((await emailRow(emailId)).sentAt).not.toBeNull();
  });

  it("records the failure and keeps the mail while the SMTP server is down, and sends it on a retry once it is back", async () => {
    const stopped = await startMailSink();
    const { port, url } = stopped;
    await stopped.close();
    const emailId = await queueReset();
    await relayBatch(database.db, redis.queues, 100);
    const runtime = runWorker(mailerFor(url));

    const failed = await eventually(
      () => emailRow(emailId),
      (row) => row.attempts >= 1,
    );
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.textBody).toContain(resetLink);
    const job = await eventually(
      async () => (await redis.queues.get("email").getJobs(["delayed", "waiting", "active", "failed"]))[0],
      (found) => Boolean(found?.failedReason),
    );
    expect(job?.failedReason).toMatch(/ECONNREFUSED/);

    // The server comes back on the same port; the retry is due after its backoff (30 s and doubling),
    // which the test does not wait out: it makes the delayed retry due now.
    const smtp = await sink(port);
    await eventually(
      async () => (job ? await job.getState() : "missing"),
      (state) => state === "delayed",
    );
    await job?.promote();
    const sent = await eventually(
      () => emailRow(emailId),
      (row) => row.sentAt !== null,
    );
    await runtime.close(1_000);
    expect(smtp.mails).toHaveLength(1);
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.lastError).toBeNull();
  });

  it("gives up at once, keeping the reason, when the SMTP server refuses the mail for good", async () => {
    const refusing: Mailer = {
      async send() {
        throw Object.assign(new Error("Mailbox unavailable"), { code: "EENVELOPE", responseCode: 550 });
      },
      close() {},
    };
    const emailId = await queueReset();

    await expect(sendNow(emailId, refusing)).rejects.toThrow(UnrecoverableError);
    const row = await emailRow(emailId);
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: "EENVELOPE: Mailbox unavailable" });
  });

  it("fails without retries for an e-mail that does not exist", async () => {
    const smtp = await sink();
    await expect(sendNow("00000000-0000-4000-8000-000000000000", mailerFor(smtp.url))).rejects.toThrow(
      UnrecoverableError,
    );
    expect(smtp.mails).toHaveLength(0);
  });
});
