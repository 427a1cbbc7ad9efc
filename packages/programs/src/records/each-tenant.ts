/**
 * How many tenants a daily job works on at once, each in its own transaction: while one tenant's rows are
 * written by PostgreSQL, the next one's mails are composed here. Three keep both cores busy without taking
 * more than a few of the pool's connections from the rest of the worker.
 */
export const TENANTS_AT_ONCE = 3;

/**
 * Runs `work` for every tenant, at most `atOnce` at a time, and resolves when all are done. A failure is
 * thrown once the tenants already started have finished (each is its own transaction: those that committed
 * stay done, and the daily job's next run does the rest, since it is idempotent).
 */
export async function forEachTenant<T>(
  tenants: readonly T[],
  work: (tenant: T) => Promise<void>,
  atOnce = TENANTS_AT_ONCE,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (failure === null && next < tenants.length) {
      const tenant = tenants[next++] as T;
      try {
        await work(tenant);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, tenants.length)) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
