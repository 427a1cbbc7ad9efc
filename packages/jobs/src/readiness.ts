import type { DatabaseProbe } from "@mentoring/db";

/** How long /readyz waits for each dependency: an orchestrator's probe gives up after a few seconds. */
export const READINESS_TIMEOUT_MS = 2_000;

/**
 * What /readyz of the web and the worker asks, both at once: PostgreSQL on the probe's connection of its
 * own (docs/operations.md "The database away"), not through the pool, where `select 1` waited behind every
 * page's or job's query and a stuck pool made /readyz hang; Redis through the given connection, with the
 * same limit, since a Redis that keeps the connection open but stops answering would otherwise hold the
 * answer forever. Resolves with the failures by name (`database`, `redis`), empty when all is well.
 */
export function dependencyChecks(
  database: DatabaseProbe,
  redis: { ping(): Promise<unknown> },
  timeoutMs = READINESS_TIMEOUT_MS,
): () => Promise<Record<string, string>> {
  return async () => {
    const failures: Record<string, string> = {};
    await Promise.all([
      database.check(timeoutMs).catch((error: Error) => {
        failures.database = error.message;
      }),
      withinTime(redis.ping(), timeoutMs, "Redis").catch((error: Error) => {
        failures.redis = error.message;
      }),
    ]);
    return failures;
  };
}

function withinTime<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
