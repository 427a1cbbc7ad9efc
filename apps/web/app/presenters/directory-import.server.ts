import { type DirectoryImportDetail, INVALID_ROWS_SHOWN } from "@mentoring/directory";
import { formatNumber, formatNumbers } from "../services/format.server";

/**
 * One import's page: its counts worded as text, beside the numbers the page's conditions use. The raw
 * failure text stays on the server: the page words the failure code.
 */
export function presentDirectoryImport(detail: DirectoryImportDetail, locale: string) {
  const number = (value: number) => formatNumber(value, locale);
  const { error: _rawError, ...shownDetail } = detail;
  return {
    ...shownDetail,
    shownLimit: INVALID_ROWS_SHOWN,
    shown: {
      activeStaff: number(detail.activeStaff),
      totalRows: number(detail.totalRows),
      shownLimit: number(INVALID_ROWS_SHOWN),
      invalidTotal: number(detail.counts?.invalid ?? detail.invalidRows.length),
      unknownDepartmentCount: number(detail.unknownDepartmentCount),
      counts: detail.counts ? formatNumbers(detail.counts, locale) : null,
      applied: detail.applied ? formatNumbers(detail.applied, locale) : null,
    },
  };
}
