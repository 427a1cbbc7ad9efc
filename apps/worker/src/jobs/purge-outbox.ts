import type { JobHandler } from "./handler";

const CHUNK = 5_000;

/**
 * Deletes outbox rows whose outcome (completed, or failed for good) was recorded more than `olderThanDays`
 * ago, in chunks, reporting progress. A row without an outcome is the only record that work is owed, so it
 * stays however old it is.
 */
export const purgeOutbox: JobHandler<"maintenance.purge-outbox"> = async (
  { olderThanDays },
  { db, progress, signal },
) => {
  const [{ total } = { total: 0 }] = await db.platform.$queryRaw<{ total: number }[]>`
    select count(*)::int as total from outbox_events
    where coalesce(completed_at, failed_at) < now() - make_interval(days => ${olderThanDays})`;
  let deleted = 0;
  while (deleted < total && !signal.aborted) {
    const removed = await db.platform.$executeRaw`
      delete from outbox_events where id in (
        select id from outbox_events
        where coalesce(completed_at, failed_at) < now() - make_interval(days => ${olderThanDays})
        order by id limit ${CHUNK})`;
    if (removed === 0) break;
    deleted += removed;
    await progress(Math.min(100, Math.round((deleted / total) * 100)));
  }
  await progress(100);
  return { deleted };
};
