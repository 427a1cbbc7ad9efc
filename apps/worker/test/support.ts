import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { config } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { producerConnection, Queues, workerConnection } from "@mentoring/jobs";
import { createLogger } from "../src/logger";
import type { Mailer } from "../src/mailer";

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
