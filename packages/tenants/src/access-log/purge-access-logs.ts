import type { Database } from "@mentoring/db";

/**
 * Removes the access log's rows older than two years as of `now`, in every tenant: the app role may not
 * delete them itself (the log is append-only for it), so this asks purge_access_logs(), which runs as the
 * owner and never purges more than the database's own clock allows (packages/db/src/provision.ts).
 * Returns how many rows went.
 */
export async function purgeAccessLogs(db: Database, input: { now: Date }): Promise<{ purged: number }> {
  const [row] = await db.platform.$queryRaw<{ purged: number }[]>`
    select public.purge_access_logs(${input.now}::timestamptz) as purged`;
  return { purged: row?.purged ?? 0 };
}
