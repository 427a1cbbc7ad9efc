import { defaultNamespace } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "./i18n.server";
import { type MatchingRules, matchingRuleSentences } from "./matching-rules-text";

let ko: TFunction;
let en: TFunction;

beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

const rules = (changes: Partial<MatchingRules> = {}): MatchingRules => ({
  differentDepartment: false,
  departmentLevel: "team",
  mentorsFromDifferentDepartments: false,
  noDirectSupervisor: true,
  menteePreferences: false,
  ...changes,
});

describe("the matching rules in plain words", () => {
  it("says Gangneung's reverse mentoring rules in Korean, one sentence a rule", () => {
    expect(
      matchingRuleSentences(
        rules({
          differentDepartment: true,
          departmentLevel: "bureau",
          mentorsFromDifferentDepartments: true,
        }),
        ko,
      ),
    ).toEqual([
      "멘토와 멘티는 같은 국 소속이 아니어야 합니다.",
      "한 팀의 멘토들은 모두 서로 다른 국 소속이어야 합니다.",
      "직속 상사와 부하 직원은 같은 팀이 되지 않습니다.",
      "급수 차이에는 제한이 없습니다.",
      "멘티가 원하는 멘토는 반영하지 않습니다.",
    ]);
  });

  it("names the level departments are compared at, in English too", () => {
    expect(
      matchingRuleSentences(rules({ differentDepartment: true, departmentLevel: "division" }), en)[0],
    ).toBe("A mentor and a mentee must not belong to the same division.");
    expect(matchingRuleSentences(rules(), en)[0]).toBe(
      "A mentor and a mentee may belong to the same department.",
    );
    expect(matchingRuleSentences(rules({ noDirectSupervisor: false }), ko)).toContain(
      "직속 상사와 부하 직원이 같은 팀이 될 수 있습니다.",
    );
  });

  it("says each bound of the grade gap by its direction: a positive gap is a more junior mentee", () => {
    const gap = (min?: number, max?: number, t = ko) =>
      matchingRuleSentences(rules({ gradeGap: { min, max } }), t).filter(
        (sentence) => sentence.includes("급") || sentence.includes("grade"),
      );
    expect(gap(1, 3)).toEqual([
      "멘티는 멘토보다 적어도 1급 아래여야 합니다.",
      "멘티는 멘토보다 3급 넘게 아래일 수 없습니다.",
    ]);
    // Reverse mentoring: the mentee (a manager) is two to six grades more senior.
    expect(gap(-6, -2)).toEqual([
      "멘티는 멘토보다 6급 넘게 위일 수 없습니다.",
      "멘티는 멘토보다 적어도 2급 위여야 합니다.",
    ]);
    expect(gap(0, 0)).toEqual([
      "멘티는 멘토보다 위 급일 수 없습니다.",
      "멘티는 멘토보다 아래 급일 수 없습니다.",
    ]);
    expect(gap(undefined, 1, en)).toEqual([
      "A mentee must not be more than 1 grade more junior than their mentor.",
    ]);
    expect(gap(2, undefined, en)).toEqual([
      "A mentee must be at least 2 grades more junior than their mentor.",
    ]);
  });

  it("says whether mentees' wishes count", () => {
    expect(matchingRuleSentences(rules({ menteePreferences: true }), ko).at(-1)).toBe(
      "멘티가 원하는 멘토를 반영합니다.",
    );
  });
});
