import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fortyPersonCohort } from "../test/cohort-report-fixture";
import { buildCohortReportXlsx } from "./build-cohort-report-xlsx";
import { percentOf, roundFigure } from "./report-words";

async function readBack(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  /** A sheet's rows below the header, as plain values. */
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const values: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) values.push((row.values as unknown[]).slice(1));
    });
    return values;
  };
  return { names: workbook.worksheets.map((sheet) => sheet.name), rows };
}

describe("the cohort's final report as a workbook", () => {
  it("has one sheet per table of the report, in its order", async () => {
    const { names } = await readBack(await buildCohortReportXlsx(fortyPersonCohort()));
    expect(names).toEqual([
      "개요",
      "팀 구성",
      "일정",
      "참여 현황",
      "사전사후 변화",
      "만족도",
      "평가 결과",
      "시상",
      "우수 결과물",
    ]);
  });

  it("holds the same figures as the report's data, as numbers rounded as the PDF prints them", async () => {
    const data = fortyPersonCohort();
    const { rows } = await readBack(await buildCohortReportXlsx(data, { locale: "ko" }));
    expect(rows("개요")).toContainEqual(["참여 인원", 40]);
    expect(rows("개요")).toContainEqual(["멘토", 30]);
    expect(rows("팀 구성")).toHaveLength(10);
    expect(rows("팀 구성")[0]).toEqual([1, "디지털 1조", data.teams[0]?.mentors.join(", "), "강과장1"]);
    expect(rows("일정").map((row) => row[0])).toEqual(data.timeline.map((item) => item.date));

    const participation = rows("참여 현황");
    expect(participation).toHaveLength(11);
    data.participation.teams.forEach((team, i) => {
      expect(participation[i]).toEqual([
        team.teamNumber,
        team.activities,
        team.meetings,
        team.minutes,
        team.attendance.present,
        team.attendance.expected,
        percentOf(team.attendance.present, team.attendance.expected),
        team.assignments.onTime,
        team.assignments.due,
      ]);
    });
    expect(participation[10]).toEqual(["전체", 105, 53, 8025, 280, 320, 87.5, 25, 30]);

    expect(rows("사전사후 변화")).toEqual([
      ["디지털 역량 진단 · 디지털 도구 활용", 36, 52.4, 71.8, 19.5, "향상"],
      ["디지털 역량 진단 · 세대 간 소통", 36, 61.2, 63.1, 1.9, "뚜렷한 변화 없음"],
    ]);
    expect(rows("만족도")).toEqual([
      ["만족도 조사", "프로그램 전반에 만족한다", 38, 4.4],
      ["만족도 조사", "다른 직원에게 추천하겠다", 37, 4.3],
    ]);

    const evaluation = rows("평가 결과");
    expect(evaluation).toHaveLength(10);
    data.evaluation.ranking.forEach((place, i) => {
      expect(evaluation[i]).toEqual([
        place.rank,
        place.teamNumber,
        roundFigure(place.scores.training as number),
        roundFigure(place.scores.activities as number),
        roundFigure(place.scores.results as number),
        roundFigure(place.total),
        place.complete ? "평가 완료" : "미완료",
      ]);
    });
    expect(evaluation[0]?.slice(0, 2)).toEqual([1, 1]);
    expect(evaluation[0]?.[5]).toBe(91);

    expect(rows("시상").map((row) => [row[0], row[1]])).toEqual(
      data.awards.map((award) => [award.name, award.teamNumber]),
    );
    expect(rows("우수 결과물")).toEqual([
      [3, "우리 팀 업무 개선 아이디어", "2026-08-04"],
      [7, "활동 결과 영상", "2026-11-03"],
    ]);
  });

  it("names its sheets and headers in English when asked", async () => {
    const { names, rows } = await readBack(
      await buildCohortReportXlsx(fortyPersonCohort(), { locale: "en" }),
    );
    expect(names[0]).toBe("Overview");
    expect(rows("Pre-post change")[0]?.[5]).toBe("Increase");
  });
});
