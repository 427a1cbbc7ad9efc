import type { ApplicantRow } from "@mentoring/programs";
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import { formatDateTime } from "../services/format.server";
import { staffGrade } from "../services/stored-codes";

export type ApplicantsFileFormat = "csv" | "xlsx";

/** A spreadsheet cell that Excel would run as a formula is written as text. */
export function inertCell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const columns = [
  "name",
  "employeeNumber",
  "department",
  "grade",
  "position",
  "role",
  "status",
  "waitlistPosition",
  "consent",
  "submittedAt",
  "source",
] as const;

/**
 * The applicant rows as a CSV (UTF-8 with a byte-order mark, so that Korean Excel opens it as UTF-8) or an
 * XLSX file, with headers and values in the reader's language and times in the tenant's time zone.
 */
export async function presentApplicantsFile(
  exported: { cohortTitle: string; rows: ApplicantRow[] },
  {
    format,
    t,
    locale,
    timeZone,
  }: { format: ApplicantsFileFormat; t: TFunction; locale: string; timeZone: string },
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string }> {
  const cells = (row: ApplicantRow): (string | number)[] => [
    row.name,
    row.employeeNumber,
    row.department,
    row.grade === null ? t("grade.none") : t(`grade.${staffGrade(row.grade)}`),
    row.positionTitle,
    t(`recruitment.role.${row.role}`),
    t(`recruitment.status.${row.status}`),
    row.waitlistPosition ?? "",
    row.consentAt
      ? `${t("recruitment.applicants.consentGiven")} ${formatDateTime(row.consentAt, locale, timeZone)}`
      : t("recruitment.applicants.consentPending"),
    formatDateTime(row.submittedAt, locale, timeZone),
    t(row.nominated ? "recruitment.applicants.nominated" : "recruitment.applicants.self"),
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("recruitment.nav.title"));
  sheet.addRow(columns.map((column) => t(`recruitment.applicants.${column}`)));
  for (const row of exported.rows) sheet.addRow(cells(row).map(inertCell));
  const stem = t("recruitment.applicants.fileName", { title: exported.cohortTitle });
  if (format === "xlsx") {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    return {
      body: new Uint8Array(await workbook.xlsx.writeBuffer()),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: `${stem}.xlsx`,
    };
  }
  const csv = new Uint8Array(await workbook.csv.writeBuffer());
  const body = new Uint8Array(UTF8_BOM.length + csv.length);
  body.set(UTF8_BOM);
  body.set(csv, UTF8_BOM.length);
  return { body, contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
}
