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
  /**
   * Marks failed the matching runs, certificate batches and directory imports left under way whose job
   * failed for good or which have shown no progress for longer than a lease; run every few minutes.
   */
  "maintenance.fail-stale-work": {
    queue: "maintenance",
    payload: z.object({}),
  },
  /** Removes the personal-data access log's rows older than two years, in every tenant; daily. */
  "privacy.purge-access-logs": {
    queue: "maintenance",
    payload: z.object({}),
  },
  /**
   * Reviews each tenant's access log of the month before (the 1st of each month) and mails the review to its
   * privacy officers, once per tenant and month.
   */
  "privacy.access-review": {
    queue: "maintenance",
    payload: z.object({}),
  },
  /** Removes teams' uploads given up more than a day ago (never finished, or never attached); nightly. */
  "maintenance.sweep-uploads": {
    queue: "maintenance",
    payload: z.object({}),
  },
  /**
   * Hands one outgoing_emails row to the SMTP server. The row holds the address and the bodies; the
   * payload only its id, so no address or one-time link ever reaches Redis.
   */
  "email.send": {
    queue: "email",
    payload: z.object({ emailId: z.string().uuid() }),
    // A mail server can be away for hours: retry for about a day (30 s doubling, 12 tries).
    retry: { attempts: 12, backoff: { type: "exponential", delay: 30_000 } },
  },
  /**
   * Tells an account's owner that sign-in to it was throttled. The address arrives sealed (AES-GCM under
   * DATA_ENCRYPTION_KEY): the web answers without looking the account up, the worker looks it up and mails
   * the owner, at most once an hour, or does nothing when there is no such account.
   */
  "accounts.sign-in-throttled": {
    queue: "email",
    payload: z.object({ sealedEmail: z.string().min(1).max(2_000), locale: z.enum(["ko", "en"]) }),
  },
  /**
   * Mails a password reset link when the address asked for has an account. The request arrives sealed
   * (the address and the link's token, AES-GCM under DATA_ENCRYPTION_KEY): the web records it and answers
   * at once, the same way whether or not the account exists, and the worker looks it up.
   */
  "accounts.password-reset": {
    queue: "email",
    payload: z.object({ sealedRequest: z.string().min(1).max(2_000), locale: z.enum(["ko", "en"]) }),
  },
  /** Reads an uploaded directory file into rows, validates each and plans what applying would change. */
  "directory.validate": {
    queue: "directory",
    payload: z.object({ tenantId: z.string().uuid(), importId: z.string().uuid() }),
  },
  /** Applies a validated directory import in one transaction, reporting progress. */
  "directory.apply": {
    queue: "directory",
    payload: z.object({ tenantId: z.string().uuid(), importId: z.string().uuid() }),
  },
  /** Makes read-only the tenants whose past-due grace period or trial has run out; run daily. */
  "billing.enforce-grace": {
    queue: "billing",
    payload: z.object({}),
  },
  /** Applies one stored Stripe webhook event to the tenant's subscription state. */
  "billing.stripe-event": {
    queue: "billing",
    payload: z.object({ eventId: z.string().min(1).max(255) }),
  },
  /**
   * Moves cohorts whose next phase date has arrived (recruiting → orientation → …), tenant by tenant, in
   * each tenant's time zone; run daily and safe to run again.
   */
  "cohorts.advance-by-date": {
    queue: "programs",
    payload: z.object({}),
  },
  /** Mails a reminder to participants who have not submitted an open survey round; run daily. */
  "surveys.send-reminders": {
    queue: "programs",
    payload: z.object({}),
  },
  /** Reminds everyone a training, event or mentoring day of tomorrow is for, once per item; run daily. */
  "calendar.remind-tomorrow": {
    queue: "programs",
    payload: z.object({}),
  },
  /**
   * Reminds the teams that have not handed in an assignment, three days before it is due and once it is
   * late, once per person, assignment and kind; run daily.
   */
  "assignments.remind-due": {
    queue: "programs",
    payload: z.object({}),
  },
  /** Nudges teams that have logged nothing for 21 days, once per silent period; run daily. */
  "teams.nudge-silent": {
    queue: "programs",
    payload: z.object({}),
  },
  /**
   * Solves one matching run (its stored input snapshot) and stores the result, reporting progress.
   * Idempotent: a run that has finished is left as it is.
   */
  "matching.run": {
    queue: "matching",
    payload: z.object({ tenantId: z.string().uuid(), runId: z.string().uuid() }),
    retry: { attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
  },
  /**
   * Deletes or pseudonymises, tenant by tenant, the personal data whose retention period has ended (issue 17:
   * the periods each organisation chose); daily, idempotent.
   */
  "privacy.retention-purge": {
    queue: "maintenance",
    payload: z.object({}),
  },
  /**
   * Renders, signs and stores the PDFs of a signed certificate batch and its ZIP, reporting progress.
   * Idempotent: certificates whose stored file matches their content are skipped.
   */
  "certificates.generate": {
    queue: "certificates",
    payload: z.object({ tenantId: z.string().uuid(), batchId: z.string().uuid() }),
    retry: { attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
  },
  /**
   * Makes a cohort's final report (결과보고서), its PDF and workbook, for one report run, reporting progress.
   * Idempotent: a ready run is left as it is, and a run whose data equals a ready run's reuses its files.
   */
  "reports.cohort-report": {
    queue: "reports",
    payload: z.object({ tenantId: z.string().uuid(), runId: z.string().uuid() }),
    retry: { attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
  },
  /**
   * The nightly national insights (packages/insights aggregateInsights): every opted-in organisation's
   * cohorts, suppressed, into a new publication, published once whole. Idempotent by the night: a second
   * run the same night replaces the first. On the reports queue: minutes of database work, beside the
   * other long jobs rather than ahead of the maintenance ones.
   */
  "insights.aggregate": {
    queue: "reports",
    payload: z.object({}),
    retry: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
  },
} as const satisfies Record<
  string,
  {
    queue: QueueName;
    payload: z.ZodTypeAny;
    /** Overrides the default of 5 tries from 1 s (queues.ts) where a job needs to wait longer. */
    retry?: { attempts: number; backoff: { type: "exponential" | "fixed"; delay: number } };
  }
>;

/** BullMQ options of a job kind: its own retry policy, if it has one. */
export function jobOptionsOf(name: string): { attempts?: number; backoff?: { type: string; delay: number } } {
  if (!isJobName(name)) return {};
  const definition = jobDefinitions[name];
  return "retry" in definition ? { ...definition.retry } : {};
}

export const queueNames = [
  "maintenance",
  "email",
  "directory",
  "billing",
  "programs",
  "matching",
  "certificates",
  "reports",
] as const;
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
