import type { DirectoryOverview } from "@mentoring/directory";
import { formatDateTime, formatNumber } from "../services/format.server";

/** The directory page: the head count, the latest imports and the plan's limits, numbers and times worded. */
export function presentDirectory(overview: DirectoryOverview, locale: string, timeZone: string) {
  const { maxRows, maxColumns, maxBytes } = overview.limits;
  return {
    activeStaff: formatNumber(overview.activeStaff, locale),
    limits: { rows: maxRows, columns: maxColumns, megabytes: Math.floor(maxBytes / (1024 * 1024)) },
    imports: overview.imports.map((item) => ({
      ...item,
      createdAt: formatDateTime(new Date(item.createdAt), locale, timeZone),
      totalRows: formatNumber(item.totalRows, locale),
    })),
  };
}
