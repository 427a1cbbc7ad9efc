import { queueNames } from "@mentoring/jobs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepRecurringJobsScheduled } from "../src/schedules";
import { eventually, log, testRedis } from "./support";

let redis: ReturnType<typeof testRedis>;
beforeEach(() => {
  redis = testRedis();
});
afterEach(async () => {
  await redis.close();
});

const schedulerCount = async () => {
  const counts = await Promise.all(
    queueNames.map((queue) => redis.queues.get(queue).getJobSchedulersCount()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
};

describe("the recurring jobs", () => {
  it("are scheduled again after Redis lost its data, without a worker restart", async () => {
    const stop = await keepRecurringJobsScheduled(redis.queues, log, 200);
    try {
      const scheduled = await schedulerCount();
      expect(scheduled).toBe(13);
      // Redis restarted empty, as far as these queues can tell.
      const keys = await redis.producer.keys(`${redis.prefix}:*`);
      await redis.producer.del(...keys);
      expect(await schedulerCount()).toBe(0);
      await eventually(schedulerCount, (count) => count === scheduled);
    } finally {
      stop();
    }
  });
});
