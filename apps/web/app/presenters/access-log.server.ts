import { calendarDateParts, daysInMonth, parseCalendarDate } from "@mentoring/domain";
import type { AccessLogRow, listAccessReviews } from "@mentoring/tenants";
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import { formatDateTime, formatMonth, formatNumber } from "../services/format.server";
import { inertCell } from "./applicants-file.server";

interface Formatting {
  locale: string;
  timeZone: string;
  t: TFunction;
}

/** Who viewed: their name and e-mail, or a word for an account that is gone. */
const viewerOf = (row: AccessLogRow, t: TFunction) =>
  row.viewer ? `${row.viewer.displayName} (${row.viewer.email})` : t("privacyLog.page.unknownViewer");

/** What the view was about: the cohort and team, as far as the row names them. */
function objectOf(row: AccessLogRow, t: TFunction): string {
  if (row.cohort && row.team !== null)
    return t("privacyLog.page.cohortTeam", { cohort: row.cohort, number: row.team });
  if (row.team !== null) return t("privacyLog.page.team", { number: row.team });
  return row.cohort ?? "";
}

/** "홍길동 (2019-001)" for each person named. */
const peopleNamed = (row: AccessLogRow) =>
  row.subjects.map((person) => `${person.name} (${person.employeeNumber})`);

/**
 * The access log's rows as the privacy officer's page lists them: the moment in the tenant's time zone, the
 * viewer, the kind in words, the people (the first few named, the rest counted), the cohort or team, and
 * where from.
 */
export function presentAccessLogRows(rows: AccessLogRow[], { locale, timeZone, t }: Formatting) {
  return rows.map((row) => {
    const named = peopleNamed(row);
    const rest = row.subjectCount - named.length;
    return {
      id: row.id,
      at: formatDateTime(row.at, locale, timeZone, { dateStyle: "medium", timeStyle: "medium" }),
      viewer: viewerOf(row, t),
      kind: t(`privacyLog.kind.${row.kind}`),
      people: t("privacyLog.page.people", { count: row.subjectCount }),
      whose:
        rest > 0 && named.length > 0
          ? t("privacyLog.page.morePeople", { names: named.join(", "), count: rest })
          : named.join(", "),
      object: objectOf(row, t),
      address: row.clientAddress,
      requestId: row.requestId ?? "",
    };
  });
}

/**
 * The monthly reviews as the page lists them: the month named in the reader's language, linking to the
 * search of that month's days, and its figures.
 */
export function presentAccessReviews(
  reviews: Awaited<ReturnType<typeof listAccessReviews>>,
  { locale, base }: { locale: string; base: string },
) {
  return reviews.map((review) => {
    const first = parseCalendarDate(review.firstDay);
    const { year, month } = first ? calendarDateParts(first) : { year: 1970, month: 1 };
    const last = `${review.firstDay.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, "0")}`;
    return {
      id: review.id,
      month: formatMonth(new Date(`${review.firstDay}T00:00:00Z`), locale, "UTC"),
      search: `${base}?${new URLSearchParams({ from: review.firstDay, to: last }).toString()}`,
      views: formatNumber(review.views, locale),
      exports: formatNumber(review.exports, locale),
      outOfHours: formatNumber(review.outOfHours, locale),
      unusual: formatNumber(review.unusual, locale),
      recipients: formatNumber(review.recipients, locale),
    };
  });
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The search's rows as a CSV (UTF-8 with a byte-order mark for Korean Excel), every person named, headers
 * and words in the reader's language, times in the tenant's time zone.
 */
export async function presentAccessLogFile(rows: AccessLogRow[], { locale, timeZone, t }: Formatting) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("access-log");
  sheet.addRow(
    (
      [
        "at",
        "viewer",
        "viewerEmail",
        "kind",
        "people",
        "whose",
        "cohort",
        "team",
        "address",
        "requestId",
      ] as const
    ).map((column) => t(`privacyLog.csv.${column}`)),
  );
  for (const row of rows)
    sheet.addRow(
      [
        formatDateTime(row.at, locale, timeZone, { dateStyle: "short", timeStyle: "medium" }),
        row.viewer?.displayName ?? t("privacyLog.page.unknownViewer"),
        row.viewer?.email ?? "",
        t(`privacyLog.kind.${row.kind}`),
        row.subjectCount,
        peopleNamed(row).join("; "),
        row.cohort ?? "",
        row.team ?? "",
        row.clientAddress,
        row.requestId ?? "",
      ].map(inertCell),
    );
  const csv = new Uint8Array(await workbook.csv.writeBuffer());
  const body = new Uint8Array(UTF8_BOM.length + csv.length);
  body.set(UTF8_BOM);
  body.set(csv, UTF8_BOM.length);
  return { body, contentType: "text/csv; charset=utf-8", fileName: t("privacyLog.csv.fileName") };
}
