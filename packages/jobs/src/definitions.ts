import { z } from "zod";

/**
 * Every job kind: the queue it runs on and the schema of its payload. Payloads carry ids and settings
 * only, never personal data: Redis keeps them in plain text.
 */
export const jobDefinitions = {
  /** Deletes outbox rows published long ago; run by a daily scheduler. */
  "maintenance.purge-outbox": {
    queue: "maintenance",
    payload: z.object({ olderThanDays: z.number().int().min(1).max(3650) }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodTypeAny }>;

export const queueNames = ["maintenance"] as const;
export type QueueName = (typeof queueNames)[number];

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]["payload"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobDefinitions, name);
}

export class InvalidJobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: z.ZodIssue[],
  ) {
    super(
      `invalid payload for job ${jobName}: ${issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`,
    );
    this.name = "InvalidJobPayloadError";
  }
}

export class UnknownJobError extends Error {
  constructor(readonly jobName: string) {
    super(`unknown job kind: ${jobName}`);
    this.name = "UnknownJobError";
  }
}

/** Validates a payload against its job's schema; throws a typed error naming every problem. */
export function parseJobPayload<N extends JobName>(name: N, payload: unknown): JobPayload<N>;
export function parseJobPayload(name: string, payload: unknown): unknown;
export function parseJobPayload(name: string, payload: unknown): unknown {
  if (!isJobName(name)) throw new UnknownJobError(name);
  const result = jobDefinitions[name].payload.safeParse(payload);
  if (!result.success) throw new InvalidJobPayloadError(name, result.error.issues);
  return result.data;
}
