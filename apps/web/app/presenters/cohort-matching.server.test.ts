import { appErrors, matchingCriterionKinds, workFailureCodes } from "@mentoring/domain";
import { defaultNamespace, missingKeys, supportedLocales } from "@mentoring/i18n";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../services/i18n.server";
import { formatChange, formatGap, formatScore, formatShare, wordedParams } from "./cohort-matching.server";

let ko: TFunction;
let en: TFunction;

// The app's own translators, as its loaders and actions get them.
beforeAll(async () => {
  ko = await i18n.getFixedT("ko", defaultNamespace);
  en = await i18n.getFixedT("en", defaultNamespace);
});

describe("numbers on the review page", () => {
  it("shows a proven gap as a percentage with two decimals", () => {
    expect(formatGap(0)).toBe("0.00 %");
    expect(formatGap(0.00123)).toBe("0.12 %");
    expect(formatGap(0.5)).toBe("50.00 %");
  });

  it("never shows a negative gap from rounding in the engine", () => {
    expect(formatGap(-1e-12)).toBe("0.00 %");
  });

  it("signs the change of the total, and calls no change ±0", () => {
    expect(formatChange(41.5, 43, "ko")).toBe("+1.5");
    expect(formatChange(43, 42.75, "en")).toBe("-0.25");
    expect(formatChange(12, 12.001, "ko")).toBe("±0");
  });

  it("rounds scores to two decimals and groups thousands", () => {
    expect(formatScore(1234.5678, "ko")).toBe("1,234.57");
    expect(formatScore(3, "en")).toBe("3");
  });

  it("shows how much of a criterion a team meets as a whole percentage", () => {
    expect(formatShare(0.826, "ko")).toBe("83%");
    expect(formatShare(1, "en")).toBe("100%");
  });
});

describe("values inside matching messages", () => {
  it("turns role and rule codes into words of the reader's language", () => {
    const params = { role: "mentee", otherRole: "mentor", count: 24, needed: 12, eligible: 11, capacity: 2 };
    expect(ko("matching.issue.too_few_for_capacity", wordedParams(params, ko))).toBe(
      "멘티 24명을 모두 배정하려면 멘토가 12명 이상 필요하지만(1명당 2명까지), 함께할 수 있는 사람은 11명입니다",
    );
    expect(wordedParams({ mentor: "김민준", mentee: "박지훈", rule: "same_department" }, en)).toEqual({
      mentor: "김민준",
      mentee: "박지훈",
      rule: "no same department",
    });
  });

  it("leaves names that happen to be role words alone unless they are a role parameter", () => {
    expect(wordedParams({ person: "mentor", team: 3 }, ko)).toEqual({ person: "mentor", team: 3 });
  });
});

/** Every code the engine and the matching use cases put in front of a person, with the key it is worded under. */
const engineCodes = {
  // packages/matching/src/diagnostics.ts
  issue: [
    "pinned_pair_breaks_rule",
    "pinned_team_too_large",
    "pinned_team_incomplete",
    "too_few_for_capacity",
    "too_few_to_fill_teams",
    "no_team_possible",
  ],
  unplaced: ["excluded", "no_eligible_partner", "capacity_full", "not_enough_partners", "no_compatible_team"],
  // packages/matching/src/evaluate.ts, and packages/programs/src/records/matching-review.ts (not_accepted)
  violation: [
    "too_few_mentors",
    "too_many_mentors",
    "too_few_mentees",
    "too_many_mentees",
    "forbidden",
    "same_department",
    "direct_supervisor",
    "grade_gap",
    "pin_split",
    "in_two_teams",
    "not_a_participant",
    "not_accepted",
  ],
  rule: ["forbidden", "same_department", "direct_supervisor", "grade_gap"],
  // packages/matching/src/run-control.ts
  phase: ["preparing", "first_answer", "flow", "pricing", "local_search", "done"],
  status: ["queued", "running", "succeeded", "failed"],
  // packages/domain/src/stale-work.ts: why a run's job failed, worded on the page
  failure: workFailureCodes,
  criterion: [...matchingCriterionKinds, "pair_scores"],
} as const;

/** The refusals of the matching use cases, read from their error table so that a new one cannot go unworded. */
function serviceErrorKeys(): string[] {
  const keys = Object.entries(appErrors)
    .filter(([code]) => code.startsWith("matching."))
    .map(([, error]) => error.message);
  return [...new Set(keys)];
}

describe("matching messages", () => {
  const keys = [
    ...Object.entries(engineCodes).flatMap(([group, codes]) =>
      codes.map((code) => `matching.${group}.${code}`),
    ),
    ...serviceErrorKeys(),
  ];

  it("finds the service's refusals to check", () => {
    expect(serviceErrorKeys()).toEqual(
      expect.arrayContaining(["matching.error.cohortNotMatching", "matching.error.violations"]),
    );
  });

  it.each(supportedLocales)("words every engine and service code in %s", (locale) => {
    expect(missingKeys(keys, locale)).toEqual([]);
  });
});
