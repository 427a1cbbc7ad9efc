import { config } from "@mentoring/config";
import { purgeDuePersonalData } from "@mentoring/programs";
import { LocalFileStorage } from "@mentoring/storage";
import type { JobHandler } from "./handler";

/**
 * The daily retention purge (packages/programs, purgeDuePersonalData): in every tenant, the personal data
 * whose period has ended at this moment is deleted or pseudonymised, its files removed, an audit row
 * written per tenant; progress per tenant. Idempotent: a second run the same day finds nothing due.
 */
export function purgeRetentionAt(clock: () => Date): JobHandler<"privacy.retention-purge"> {
  return async (_payload, { db, log, progress, signal }) => {
    const summary = await purgeDuePersonalData(db, {
      now: clock(),
      storage: new LocalFileStorage(config().STORAGE_DIR),
      signal,
      onTenantDone: (done, total) => progress(Math.round((done / total) * 100)),
    });
    if (summary.deleted + summary.pseudonymised > 0)
      log.info(summary, "personal data past its retention period");
    return summary;
  };
}

export const purgeRetention = purgeRetentionAt(() => new Date());
