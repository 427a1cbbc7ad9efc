import type { directoryOverview } from "../services/directory.server";
import { formatDateTime, formatNumber } from "../services/format.server";

type Overview = Awaited<ReturnType<typeof directoryOverview>>;

/** The directory page: the head count and the latest imports, numbers and times worded. */
export function presentDirectory(overview: Overview, locale: string, timeZone: string) {
  return {
    activeStaff: formatNumber(overview.activeStaff, locale),
    imports: overview.imports.map((item) => ({
      ...item,
      createdAt: formatDateTime(new Date(item.createdAt), locale, timeZone),
      totalRows: formatNumber(item.totalRows, locale),
    })),
  };
}
