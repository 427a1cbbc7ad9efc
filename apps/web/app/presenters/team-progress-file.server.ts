import type { TeamProgress } from "@mentoring/programs";
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import { inertCell } from "./applicants-file.server";

/**
 * The team dashboard as an XLSX file, headers in the reader's language: one row per team, with the
 * figures the page shows (counts, not what teams wrote), the attendance rate as a percentage cell.
 */
export async function presentTeamProgressFile(
  progress: TeamProgress,
  t: TFunction,
): Promise<{ body: Uint8Array<ArrayBuffer>; fileName: string }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("activities.review.title"));
  sheet.addRow([
    t("activities.review.team"),
    t("activities.review.meetings"),
    t("activities.review.teamActivities"),
    t("activities.review.last30Days"),
    t("activities.review.minutes"),
    t("activities.review.lastOn"),
    t("activities.review.file.onTime"),
    t("activities.review.file.late"),
    t("activities.review.file.missing"),
    t("activities.review.file.due"),
    t("activities.review.attendance"),
    t("activities.review.atRisk"),
  ]);
  for (const team of progress.teams) {
    const row = sheet.addRow(
      [
        t("activities.review.teamNumber", { number: team.teamNumber }),
        team.meetings,
        team.teamActivities,
        team.last30Days,
        team.minutes,
        team.lastOn ?? "",
        team.submissions.onTime,
        team.submissions.late,
        team.submissions.missing,
        team.submissions.due,
        team.attendanceRate ?? "",
        team.atRisk ? t("activities.review.atRisk") : "",
      ].map(inertCell),
    );
    row.getCell(11).numFmt = "0%";
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 14;
  });
  return {
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    fileName: `${t("activities.review.file.name", { title: progress.cohort.title })}.xlsx`,
  };
}
