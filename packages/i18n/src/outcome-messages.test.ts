// The domain's outcome verdicts are codes; each reaches the page through a message in every locale.
import { changeVerdicts } from "@mentoring/domain";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { formatters } from "./formatters";
import { missingKeys } from "./message-keys";
import { defaultNamespace, resources, supportedLocales } from "./resources";

describe.each(supportedLocales)("outcome messages in %s", (locale) => {
  it("word every verdict on a change and on a comparison of cohorts, and every direction", () => {
    const keys = [
      ...changeVerdicts.flatMap((verdict) => [
        `programs.outcomes.verdict.${verdict}`,
        `programs.outcomes.comparison.${verdict}`,
      ]),
      ...["up", "down", "none"].map((direction) => `programs.outcomes.direction.${direction}`),
      "programs.outcomes.directionOnly",
    ];
    expect(missingKeys(keys, locale)).toEqual([]);
  });
});

describe("a comparison of cohorts in Korean", () => {
  it("names both cohorts with the particle each needs", async () => {
    const i18n = createInstance();
    await i18n.use(formatters).init({ lng: "ko", resources, defaultNS: defaultNamespace });
    const t = i18n.getFixedT("ko");
    expect(t("programs.outcomes.comparison.no_clear_change", { later: "2기", earlier: "1기" })).toBe(
      "2기와 1기의 변화에 뚜렷한 차이가 없습니다 (95% 신뢰구간에 0이 포함됨)",
    );
    expect(t("programs.outcomes.comparison.no_clear_change", { later: "2025년", earlier: "2024년" })).toMatch(
      /^2025년과 2024년의 변화/,
    );
    expect(t("programs.outcomes.verdict.too_few")).toBe("표본이 적어 판단하기 어렵습니다 (n < 5)");
  });
});
