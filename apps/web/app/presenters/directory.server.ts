import type { DirectoryOverview } from "@mentoring/directory";
import { formatDateTime, formatNumber } from "../services/format.server";

/** The directory page: the head count and the latest imports, numbers and times worded. */
export function presentDirectory(overview: DirectoryOverview, locale: string, timeZone: string) {
  return {
    activeStaff: formatNumber(overview.activeStaff, locale),
    imports: overview.imports.map((item) => ({
      ...item,
      createdAt: formatDateTime(new Date(item.createdAt), locale, timeZone),
      totalRows: formatNumber(item.totalRows, locale),
    })),
  };
}
