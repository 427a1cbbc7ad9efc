import type { InsightsReader } from "@mentoring/db";
import { latestPublication, type PublishedInsights } from "../records/insight-publication";

/** The latest publication of national insights (its date and size), read as the analysts' role; null before the first. */
export async function getInsightsPublication(
  reader: InsightsReader,
  _input: Record<string, never> = {},
): Promise<PublishedInsights | null> {
  return latestPublication(reader);
}
