import { jobDefinitions, type Queues } from "@mentoring/jobs";
import type { Logger } from "./logger";

/** How often the schedulers are upserted again: a Redis that lost its data has lost them too. */
const RESCHEDULE_EVERY_MS = 60_000;

/**
 * Schedules the recurring jobs now and again every minute, until the returned function is called. Upserts
 * are idempotent; without the repetition, a Redis restarted empty (or restored) would have stopped every
 * recurring job, the stale-work sweep among them, until the worker was restarted.
 */
export async function keepRecurringJobsScheduled(
  queues: Queues,
  log: Logger,
  everyMs = RESCHEDULE_EVERY_MS,
): Promise<() => void> {
  await scheduleRecurringJobs(queues);
  const timer = setInterval(() => {
    scheduleRecurringJobs(queues).catch((err) =>
      log.warn({ err }, "could not schedule the recurring jobs: tried again in a minute"),
    );
  }, everyMs);
  return () => clearInterval(timer);
}

/** Recurring jobs, upserted: running several workers still leaves one scheduler per id. */
export async function scheduleRecurringJobs(queues: Queues): Promise<void> {
  const purge = "maintenance.purge-outbox" as const;
  await queues
    .get(jobDefinitions[purge].queue)
    .upsertJobScheduler(
      purge,
      { pattern: "0 30 3 * * *", tz: "Asia/Seoul" },
      { name: purge, data: { olderThanDays: 30 } },
    );
  // The last resort for work left "under way" by a job that died unnoticed: every ten minutes.
  const stale = "maintenance.fail-stale-work" as const;
  await queues
    .get(jobDefinitions[stale].queue)
    .upsertJobScheduler(stale, { pattern: "0 */10 * * * *", tz: "Asia/Seoul" }, { name: stale, data: {} });
  const uploads = "maintenance.sweep-uploads" as const;
  await queues
    .get(jobDefinitions[uploads].queue)
    .upsertJobScheduler(uploads, { pattern: "0 0 4 * * *", tz: "Asia/Seoul" }, { name: uploads, data: {} });
  // National insights: nightly at 02:30, when the cities' days are done and before the morning's mail.
  const insights = "insights.aggregate" as const;
  await queues
    .get(jobDefinitions[insights].queue)
    .upsertJobScheduler(
      insights,
      { pattern: "0 30 2 * * *", tz: "Asia/Seoul" },
      { name: insights, data: {} },
    );
  // The access log: rows past two years purged nightly, and each month's review on the 1st at 09:00.
  const purgeAccess = "privacy.purge-access-logs" as const;
  await queues
    .get(jobDefinitions[purgeAccess].queue)
    .upsertJobScheduler(
      purgeAccess,
      { pattern: "0 15 4 * * *", tz: "Asia/Seoul" },
      { name: purgeAccess, data: {} },
    );
  const review = "privacy.access-review" as const;
  await queues
    .get(jobDefinitions[review].queue)
    .upsertJobScheduler(review, { pattern: "0 0 9 1 * *", tz: "Asia/Seoul" }, { name: review, data: {} });
  const grace = "billing.enforce-grace" as const;
  await queues
    .get(jobDefinitions[grace].queue)
    .upsertJobScheduler(grace, { pattern: "0 5 0 * * *", tz: "Asia/Seoul" }, { name: grace, data: {} });
  // Phase dates are days in the tenant's calendar: shortly after midnight in Korea, then reminders at 9.
  const advance = "cohorts.advance-by-date" as const;
  await queues
    .get(jobDefinitions[advance].queue)
    .upsertJobScheduler(advance, { pattern: "0 10 0 * * *", tz: "Asia/Seoul" }, { name: advance, data: {} });
  const remind = "surveys.send-reminders" as const;
  await queues
    .get(jobDefinitions[remind].queue)
    .upsertJobScheduler(remind, { pattern: "0 0 9 * * *", tz: "Asia/Seoul" }, { name: remind, data: {} });
  const tomorrow = "calendar.remind-tomorrow" as const;
  await queues
    .get(jobDefinitions[tomorrow].queue)
    .upsertJobScheduler(
      tomorrow,
      { pattern: "0 30 9 * * *", tz: "Asia/Seoul" },
      { name: tomorrow, data: {} },
    );
  const due = "assignments.remind-due" as const;
  await queues
    .get(jobDefinitions[due].queue)
    .upsertJobScheduler(due, { pattern: "0 0 9 * * *", tz: "Asia/Seoul" }, { name: due, data: {} });
  const nudge = "teams.nudge-silent" as const;
  await queues
    .get(jobDefinitions[nudge].queue)
    .upsertJobScheduler(nudge, { pattern: "0 0 10 * * *", tz: "Asia/Seoul" }, { name: nudge, data: {} });
  // Retention: after midnight in Korea, when the day a period ends has passed everywhere.
  const retention = "privacy.retention-purge" as const;
  await queues
    .get(jobDefinitions[retention].queue)
    .upsertJobScheduler(
      retention,
      { pattern: "0 40 2 * * *", tz: "Asia/Seoul" },
      { name: retention, data: {} },
    );
}
