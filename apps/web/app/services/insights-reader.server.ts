import { insightsReadUrl } from "@mentoring/config";
import { createInsightsReader, type InsightsReader } from "@mentoring/db";
import type { Services } from "./services.server";

/**
 * The national insights pages read through the analysts' own database role (DATABASE_INSIGHTS_URL), never
 * the app role: one pool per address, opened on the first read (most processes never serve /insights). With
 * a read replica configured they read it (insightsReadUrl, ADR 0028): analysts write nothing there, and a
 * publication appears on the replica whole, as it was committed.
 */
const readers = new Map<string, InsightsReader>();

export function insightsReaderOf(services: Services): InsightsReader {
  const url = insightsReadUrl(services.config);
  let reader = readers.get(url);
  if (!reader) {
    reader = createInsightsReader(url, {
      onConnectionError: (err) => services.log.warn({ err }, "insights database connection lost"),
    });
    readers.set(url, reader);
  }
  return reader;
}

/** Closes every pool opened here (the process is shutting down). */
export async function closeInsightsReaders(): Promise<void> {
  const open = [...readers.values()];
  readers.clear();
  await Promise.allSettled(open.map((reader) => reader.disconnect()));
}
