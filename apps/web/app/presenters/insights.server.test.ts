import { distributionOf } from "@mentoring/domain";
import type { NationalInsights, OwnInsightFigures } from "@mentoring/tenants";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { translatorIn } from "../services/i18n.server";
import { presentNationalInsights, presentNationalInsightsCsv, presentOwnComparison } from "./insights.server";

let ko: TFunction;
let en: TFunction;

// The translators the loaders get.
beforeAll(() => {
  ko = translatorIn("ko");
  en = translatorIn("en");
});

const view = (overrides: Partial<NationalInsights> = {}): NationalInsights => ({
  publication: {
    id: "5f9b2f5e-8a3c-4d51-9b1e-0c2d3e4f5a6b",
    publishedAt: new Date("2026-12-05T15:30:00Z"),
    tenantCount: 9,
    cohortCount: 21,
  },
  choices: { metric: "completion_rate", dimension: "", by: "region" },
  dimensions: [""],
  years: [2025, 2026],
  groups: [
    { key: "강원특별자치도", n: 4, suppressed: 1, distribution: distributionOf([0.7, 0.8, 0.9, 0.95]) },
    { key: "경기도", n: 2, suppressed: 0, distribution: null },
  ],
  named: [{ tenantName: "=용인특례시", cohortYear: 2026, programKind: "standard", value: 0.875 }],
  ...overrides,
});

describe("the national insights page", () => {
  it("draws each group's median with its quartiles, words the regions and hides a group too small to show", () => {
    const page = presentNationalInsights(view(), ko, "ko");
    expect(page.publication).toEqual({ date: "2026년 12월 6일", tenants: "9", cohorts: "21" });
    expect(page.chart).toMatchObject({ title: "수료율: 지역별 분포", min: 0, max: 1 });
    const [gangwon, gyeonggi] = page.groups;
    expect(gangwon).toMatchObject({
      label: "강원특별자치도",
      q1: "77.5%",
      median: "85%",
      q3: "91.3%",
      text: "중앙값 85% · 사분위 77.5%~91.3% · 기수 4개",
      flag: "가려진 셀 1개",
    });
    expect(gangwon?.bar).toBeCloseTo(0.85);
    expect(gangwon?.range?.low).toBeCloseTo(0.775);
    expect(gyeonggi).toMatchObject({
      bar: null,
      median: null,
      range: null,
      text: "기수 2개: 3개 미만이라 분포를 보이지 않음",
    });
    expect(page.named).toEqual([
      { key: "0", organisation: "=용인특례시", year: "2026년", programKind: "멘토링", value: "87.5%" },
    ]);
    expect(page.search).toBe("metric=completion_rate&by=region");
  });

  it("writes a mean with one decimal, a change with its sign, and the scale to the largest quartile", () => {
    const page = presentNationalInsights(
      view({
        choices: { metric: "diagnostic_change", dimension: "leadership", by: "cohort_year" },
        dimensions: ["", "leadership"],
        groups: [{ key: "2026", n: 3, suppressed: 0, distribution: distributionOf([-0.4, 0.2, 0.6]) }],
      }),
      en,
      "en",
    );
    expect(page.chart.title).toBe("Pre/post diagnostic change · leadership by Year");
    expect(page.groups[0]).toMatchObject({ label: "2026", q1: "-0.1", median: "+0.2", q3: "+0.4" });
    expect(page.chart.min).toBeCloseTo(-0.1);
    expect(page.chart.max).toBeCloseTo(0.4);
    expect(page.options.dimensions.map((option) => option.label)).toEqual(["All", "leadership"]);
  });

  it("exports what it shows as CSV: a byte-order mark, the hidden group worded, a formula-like name made inert", () => {
    const csv = presentNationalInsightsCsv(presentNationalInsights(view(), ko, "ko"), ko);
    expect(csv.startsWith("\uFEFF수료율: 지역별 분포\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toContain("강원특별자치도,4,77.5%,85%,91.3%,1");
    expect(lines).toContain("경기도,2,표시 안 함,표시 안 함,표시 안 함,0");
    expect(lines).toContain("'=용인특례시,2026년,멘토링,87.5%");
  });
});

describe("an organisation's comparison with the nation", () => {
  const own: OwnInsightFigures = {
    optedIn: true,
    governmentType: "basic_government",
    publication: {
      id: "5f9b2f5e-8a3c-4d51-9b1e-0c2d3e4f5a6b",
      publishedAt: new Date("2026-12-05T15:30:00Z"),
    },
    figures: [
      { metric: "completion_rate", cohortYear: 2025, programKind: "reverse", teamShape: "3:1", value: 0.9 },
      { metric: "completion_rate", cohortYear: 2026, programKind: "standard", teamShape: "1:2", value: 0.96 },
      { metric: "satisfaction", cohortYear: 2026, programKind: "standard", teamShape: "1:2", value: null },
      { metric: "attendance_rate", cohortYear: 2026, programKind: "standard", teamShape: "1:2", value: 0.6 },
    ],
  };
  const national = {
    completion_rate: distributionOf([0.7, 0.8, 0.85, 0.9]) ?? undefined,
    attendance_rate: distributionOf([0.7, 0.8, 0.85, 0.9]) ?? undefined,
    satisfaction: distributionOf([4, 4.2, 4.4]) ?? undefined,
  };

  it("says in a sentence which quarter of its type of organisation each figure falls in", () => {
    const comparison = presentOwnComparison(own, national, ko, "ko");
    const rows = Object.fromEntries(comparison.summary.map((row) => [row.metric, row]));
    // The median of its cohorts, 0.93, is above the third quartile, 0.8625.
    expect(rows.completion_rate).toMatchObject({
      ours: "93%",
      position: "상위 25%",
      sentence: "수료율이 기초자치단체 중 상위 25%에 속합니다.",
    });
    expect(rows.attendance_rate?.sentence).toBe("교육 출석률이 기초자치단체 중 하위 25%에 속합니다.");
    // Its satisfaction is suppressed: the distribution is shown, no position.
    expect(rows.satisfaction).toMatchObject({ ours: null, position: null, sentence: null });
    expect(comparison.cohorts.map((cohort) => cohort.label)).toEqual([
      "2025년 · 역멘토링 · 멘토:멘티 3:1",
      "2026년 · 멘토링 · 멘토:멘티 1:2",
    ]);
    expect(comparison.cohorts[1]?.figures).toEqual({
      completion_rate: "96%",
      satisfaction: "가려짐",
      attendance_rate: "60%",
    });
  });

  it("words it in English too", () => {
    const comparison = presentOwnComparison(own, national, en, "en");
    expect(comparison.summary.find((row) => row.metric === "completion_rate")?.sentence).toBe(
      "Completion rate is in the top quartile of local governments.",
    );
  });
});
