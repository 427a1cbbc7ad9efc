import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdfFonts, pdfText } from "../../certificates/test/poppler";
import { fortyPersonCohort } from "../test/cohort-report-fixture";
import { renderCohortReportPdf } from "./render-cohort-report-pdf";

/** The number of pages pdfinfo counts. */
function pageCount(pdf: Buffer): number {
  const info = execFileSync("pdfinfo", ["-"], { input: pdf }).toString("utf8");
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Every page's text on its own (pdftotext -f/-l), first page first. */
function pageTexts(pdf: Buffer): string[] {
  return Array.from({ length: pageCount(pdf) }, (_, i) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), "-", "-"], {
      input: pdf,
    }).toString("utf8"),
  );
}

/** Collapses white space, so a phrase pdftotext laid out over columns is found whole. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the cohort's final report as a PDF", () => {
  it("prints, in Korean, the overview, the ranking in order and the cohort's figures", async () => {
    const data = fortyPersonCohort();
    const pdf = await renderCohortReportPdf(data, { locale: "ko" });
    const text = flat(pdfText(pdf));
    for (const phrase of [
      "결과보고서",
      "세대공감 리버스 멘토링 2기",
      "강릉시",
      "멘토 30명, 멘티 10명 (총 40명)",
      "10개 팀",
      "2026-04-15 ~ 2026-10-31",
      "발대식 및 결연식",
      "디지털 도구 활용",
      "세대 간 소통",
      "향상",
      "뚜렷한 변화 없음",
      "프로그램 전반에 만족한다",
      "최우수",
      "표창장, 국내외 우수사례지 견학",
      "우리 팀 업무 개선 아이디어",
    ])
      expect(text).toContain(phrase);
    // The diagnostic's figures, printed beside the chart's bars and in the table: pre, post, change.
    for (const figure of ["52.4", "71.8", "+19.5", "61.2", "63.1", "+1.9", "4.4", "4.3"])
      expect(text).toContain(figure);
    // Attendance over the cohort: 280 of 320 expected is 87.5%; the participation totals.
    const total = data.participation.total;
    expect(`${total.attendance.present}/${total.attendance.expected}`).toBe("280/320");
    expect(text).toContain("280/320 87.5%");
    expect(text).toContain(`전체 ${total.activities} ${total.meetings} ${total.minutes}`);
    // The ranking table: each place's rank, team and total, best first, in the order of the data.
    const totals = data.evaluation.ranking.map((place) => `${place.rank} ${place.teamNumber}팀`);
    let from = 0;
    for (const place of totals) {
      const at = text.indexOf(place, from);
      expect(at, place).toBeGreaterThan(-1);
      from = at + place.length;
    }
    const best = data.evaluation.ranking[0];
    expect(best?.total.toFixed(1)).toBe("91.0");
    expect(text).toContain(
      `1 ${best?.teamNumber}팀 9.4 8.8 ${best?.scores.results?.toFixed(1)} 91.0 평가 완료`,
    );
    expect(text).toContain("미완료");
    // The chart's bars are labelled with the place and the team, its total printed beside the bar.
    expect(text).toContain(`1위 · ${best?.teamNumber}팀`);
  });

  it("embeds the Korean font as a subset with a Unicode map, and numbers its pages", async () => {
    const pdf = await renderCohortReportPdf(fortyPersonCohort());
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true, toUnicode: true });
    const pages = pageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`\\b${i + 1} ?/ ?${pages.length}\\s*$`));
    });
  });

  it("draws the outcomes chart on a page with its figures, written as a PNG to look at", async () => {
    const pdf = await renderCohortReportPdf(fortyPersonCohort());
    const pages = pageTexts(pdf);
    const chartPage = pages.findIndex((page) => page.includes("영역별 사전·사후 평균")) + 1;
    expect(chartPage).toBeGreaterThan(0);
    const dir = path.resolve(import.meta.dirname, "../.tmp");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "cohort-report-chart-page");
    execFileSync(
      "pdftoppm",
      ["-png", "-r", "80", "-f", String(chartPage), "-l", String(chartPage), "-singlefile", "-", file],
      {
        input: pdf,
      },
    );
    // The bars are filled vector paths: the page draws with the post bars' navy.
    const ppm = execFileSync(
      "pdftoppm",
      ["-r", "40", "-f", String(chartPage), "-l", String(chartPage), "-singlefile", "-"],
      {
        input: pdf,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
    const rgb = ppm.subarray(header?.[0].length ?? 0);
    let navy = 0;
    for (let i = 0; i + 2 < rgb.length; i += 3)
      if (
        Math.abs((rgb[i] ?? 0) - 0x1f) < 12 &&
        Math.abs((rgb[i + 1] ?? 0) - 0x3a) < 12 &&
        Math.abs((rgb[i + 2] ?? 0) - 0x5f) < 12
      )
        navy++;
    expect(navy).toBeGreaterThan(200);
  });

  it("words the report in English when asked, with the template's English texts", async () => {
    const text = flat(pdfText(await renderCohortReportPdf(fortyPersonCohort(), { locale: "en" })));
    for (const phrase of [
      "Final report",
      "30 mentors, 10 mentees (40 in all)",
      "Digital tools",
      "Increase",
      "Team 1",
    ])
      expect(text).toContain(phrase);
  });

  it("gives the same bytes for the same data", async () => {
    const [a, b] = await Promise.all([
      renderCohortReportPdf(fortyPersonCohort()),
      renderCohortReportPdf(fortyPersonCohort()),
    ]);
    expect(a.equals(b)).toBe(true);
  });
});
