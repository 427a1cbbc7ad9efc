import { AppError, cohortScheduleSchema } from "@mentoring/domain";
import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../services/i18n.server";
import { translateRefusal } from "../services/route-builder.server";
import { cohortFieldName, problemView } from "./cohort-overview.server";

let ko: TFunction;

// The app's own translator, as its loaders and actions get it.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
});

const dates = {
  recruitmentStart: "2025-01-22",
  recruitmentEnd: "2025-02-10",
  orientation: "2025-02-21",
  matching: "2025-02-21",
  ceremony: "2025-02-28",
  activitiesStart: "2025-03-01",
  activitiesEnd: "2025-09-30",
  evaluationStart: "2025-10-01",
  evaluationEnd: "2025-10-15",
  close: "2025-10-31",
};

/** What the overview shows beside each date when updateCohortSchedule refuses them. */
function shown(schedule: Record<string, string>) {
  const result = cohortScheduleSchema.safeParse(schedule);
  if (result.success) return {};
  const { fieldErrors } = translateRefusal(AppError.invalid(result.error), ko, cohortFieldName);
  return Object.fromEntries(Object.entries(fieldErrors).map(([path, [message]]) => [path, message]));
}

describe("the cohort's dates", () => {
  it("name every date refused: one out of order (and the date it must follow), one missing", () => {
    expect(shown({ ...dates, orientation: "2025-02-01", close: "" })).toEqual({
      close: "기수 종료일: 올바른 날짜(YYYY-MM-DD)를 입력하세요",
      orientation: "오리엔테이션: 모집 마감일보다 앞설 수 없습니다",
    });
  });
});

describe("a lifecycle problem", () => {
  it("is worded with its role and statuses translated", () => {
    expect(
      problemView({ code: "transition.no_accepted", params: { role: "mentee" }, overridable: false }, ko),
    ).toEqual({ message: "선정된 멘티가 없습니다", overridable: false });
    expect(
      problemView(
        { code: "transition.not_next", params: { from: "draft", to: "matching" }, overridable: false },
        ko,
      ).message,
    ).toBe("준비 중 단계에서 매칭 단계로 바로 넘길 수 없습니다");
  });
});
