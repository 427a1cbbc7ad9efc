import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { translatorIn } from "../services/i18n.server";
import { presentTeamProgressFile } from "./team-progress-file.server";

const progress = {
  cohort: { id: "c", title: "거꾸로 멘토링 2기" },
  teams: [
    {
      teamId: "t1",
      teamNumber: 1,
      meetings: 3,
      teamActivities: 2,
      minutes: 240,
      last30Days: 2,
      lastOn: "2025-05-14",
      submissions: { due: 3, onTime: 2, late: 1, missing: 0 },
      attendanceRate: 0.75,
      atRisk: false,
    },
    {
      teamId: "t2",
      teamNumber: 2,
      meetings: 0,
      teamActivities: 0,
      minutes: 0,
      last30Days: 0,
      lastOn: null,
      submissions: { due: 3, onTime: 0, late: 0, missing: 3 },
      attendanceRate: null,
      atRisk: true,
    },
  ],
} as Parameters<typeof presentTeamProgressFile>[0];

describe("the team dashboard as a spreadsheet", () => {
  it("has a Korean header and one row per team with the page's figures, the attendance rate a percentage", async () => {
    const file = await presentTeamProgressFile(progress, translatorIn("ko"));
    expect(file.fileName).toBe("거꾸로 멘토링 2기 팀 현황.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body.buffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      "팀",
      "만남·상담",
      "팀 활동",
      "최근 30일",
      "누적 시간(분)",
      "마지막 활동",
      "과제 제때",
      "과제 늦음",
      "과제 미제출",
      "마감된 과제",
      "출석률",
      "주의",
    ]);
    expect(values(2)).toEqual(["1팀", 3, 2, 2, 240, "2025-05-14", 2, 1, 0, 3, 0.75, ""]);
    expect(sheet.getRow(2).getCell(11).numFmt).toBe("0%");
    expect(values(3)).toEqual(["2팀", 0, 0, 0, 0, "", 0, 0, 3, 3, "", "주의"]);
  });
});
