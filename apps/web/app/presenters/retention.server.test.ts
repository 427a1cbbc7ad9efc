import { defaultRetentionPeriods } from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { RetentionOverview } from "@mentoring/programs";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../services/i18n.server";
import { presentPrivacyPolicy, presentRetentionOverview } from "./retention.server";

let ko: TFunction;
let en: TFunction;

beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

const overview: RetentionOverview = {
  periods: { ...defaultRetentionPeriods, survey_answers: 24 },
  preview: {
    today: "2030-03-16",
    counts: { applications: { deleted: 4 }, survey_responses: { deleted: 2, pseudonymised: 2 } },
    kinds: [
      {
        kind: "program_records",
        months: 36,
        action: "delete",
        count: 4,
        oldest: "2027-03-15",
        cohorts: [{ id: "c1", title: "거꾸로 멘토링 1기", closedOn: "2027-03-15" }],
      },
      // A moment late in the evening in Seoul is already the next day there.
      {
        kind: "notifications",
        months: 12,
        action: "delete",
        count: 1,
        oldest: "2029-03-01T16:00:00.000Z",
        cohorts: [],
      },
    ],
  },
  runs: [
    {
      at: new Date("2030-03-15T17:40:00Z"),
      deleted: { applications: 4, notifications: 1 },
      pseudonymised: { survey_responses: 2 },
      files: 3,
    },
  ],
};

describe("the retention overview as the privacy officer reads it", () => {
  it("words calendar days as days and moments in the organisation's time zone", () => {
    const view = presentRetentionOverview(overview, { t: ko, locale: "ko", timeZone: "Asia/Seoul" });
    expect(view.today).toBe("2030년 3월 16일");
    expect(view.kinds[0]).toMatchObject({ name: "프로그램 운영 기록", oldest: "2027년 3월 15일" });
    expect(view.kinds[0]?.cohorts).toBe("거꾸로 멘토링 1기 (2027년 3월 15일)");
    expect(view.kinds[1]).toMatchObject({ oldest: "2029년 3월 2일", cohorts: "없음" });
  });

  it("names each table and sums a run's rows per action", () => {
    const view = presentRetentionOverview(overview, { t: en, locale: "en", timeZone: "Asia/Seoul" });
    expect(view.tables).toEqual([
      { table: "applications", name: "Applications", deleted: "4", pseudonymised: "0" },
      { table: "survey_responses", name: "Survey answers", deleted: "2", pseudonymised: "2" },
    ]);
    expect(view.runs[0]).toMatchObject({ deleted: "5 rows", pseudonymised: "2 rows", files: "3" });
    expect(view.periods.find((period) => period.kind === "survey_answers")).toMatchObject({
      period: "24 months",
      bounds: "12 to 60 months (default 36)",
    });
  });
});

describe("the privacy policy", () => {
  it("takes the English name when there is one, and joins an officer's contacts", () => {
    const policy = {
      tenant: { slug: "gangneung", name: "강릉시", nameEn: "Gangneung City", timeZone: "Asia/Seoul" },
      periods: defaultRetentionPeriods,
      officers: [{ name: "이우진", department: "총무과", email: "ujin@gangneung.go.kr", phone: null }],
      updatedAt: new Date("2026-12-05T22:00:00Z"),
    };
    const english = presentPrivacyPolicy(policy, { t: en, locale: "en", timeZone: "Asia/Seoul" });
    expect(english.name).toBe("Gangneung City");
    expect(english.officers).toEqual([
      { key: "0", name: "이우진", department: "총무과", contact: "ujin@gangneung.go.kr" },
    ]);
    const korean = presentPrivacyPolicy(policy, { t: ko, locale: "ko", timeZone: "Asia/Seoul" });
    expect(korean).toMatchObject({ name: "강릉시", date: "2026년 12월 6일" });
  });
});
