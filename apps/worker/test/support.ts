import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { config } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { producerConnection, Queues, workerConnection } from "@mentoring/jobs";
import { type ReceivedMail, startMailSink } from "@mentoring/mail/testing";
import { handlers } from "../src/jobs";
import { createLogger } from "../src/logger";
import { createSmtpMailer, type Mailer } from "../src/mailer";
import { relayBatch } from "../src/outbox-relay";
import { startWorkers } from "../src/runtime";

export const log = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");

/** For workers whose tests send no mail: a mail sent anyway fails its job loudly. */
export const noMail: Mailer = {
  async send() {
    throw new Error("this test sends no mail");
  },
  close() {},
};

/** Real Redis, isolated per test file by a key prefix that is deleted afterwards. */
export function testRedis() {
  const prefix = `test-${randomBytes(4).toString("hex")}`;
  const producer = producerConnection(config().REDIS_URL);
  const consumer = workerConnection(config().REDIS_URL);
  const queues = new Queues(producer, prefix);
  return {
    prefix,
    producer,
    consumer,
    queues,
    async close() {
      await queues.close();
      // The producer connects lazily and refuses commands before it is ready (no offline queue).
      if (producer.status !== "ready") await once(producer, "ready");
      const keys = await producer.keys(`${prefix}:*`);
      if (keys.length > 0) await producer.del(...keys);
      await Promise.all([producer.quit(), consumer.quit()]);
    },
  };
}

export async function createTenant(db: Database, slug: string): Promise<string> {
  const tenant = await db.platform.tenant.create({
    data: { slug, name: slug, kind: "basic_government", region: "경기도", status: "active" },
  });
  return tenant.id;
}

export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value, (_key, item) =>
          typeof item === "bigint" ? item.toString() : item,
        )}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Sends every mail queued so far the way production does: the outbox relayed to a real Redis, the email
 * job run by a worker, delivered to a real SMTP server started for the call. Returns what that server
 * received once no queued mail is left unsent.
 */
export async function deliverQueuedMails(db: Database): Promise<readonly ReceivedMail[]> {
  const sink = await startMailSink();
  const redis = testRedis();
  const mailer = createSmtpMailer({ url: sink.url, from: config().MAIL_FROM });
  const runtime = startWorkers({
    db,
    mailer,
    handlers,
    connection: redis.consumer,
    prefix: redis.prefix,
    concurrency: 2,
    log,
    queues: ["email"],
  });
  try {
    while ((await relayBatch(db, redis.queues, 500)) > 0);
    await eventually(
      () => db.platform.outgoingEmail.count({ where: { sentAt: null } }),
      (unsent) => unsent === 0,
      60_000,
    );
    return [...sink.mails];
  } finally {
    await runtime.close(1_000);
    mailer.close();
    await sink.close();
    await redis.close();
  }
}
