import type { DepartmentLevel } from "@mentoring/domain";
import type { TFunction } from "i18next";

/** The hard rules of a matching section that are said as sentences (the criteria are shown as weights). */
export interface MatchingRules {
  differentDepartment: boolean;
  departmentLevel: DepartmentLevel;
  mentorsFromDifferentDepartments: boolean;
  noDirectSupervisor: boolean;
  gradeGap?: { min?: number; max?: number };
  menteePreferences: boolean;
  /** Cross-department programs: the named department pairs, as the reader should see them (names or codes). */
  departmentPairs?: readonly { first: string; second: string }[];
}

/**
 * One plain sentence per rule, in the reader's language: "멘토와 멘티는 같은 국 소속이 아니어야 합니다."
 * Pure (the translator is given), for a template's matching page and a cohort's alike. The grade gap is a
 * mentee's grade minus their mentor's (grade 1 is the most senior): each bound set is its own sentence.
 */
export function matchingRuleSentences(rules: MatchingRules, t: TFunction): string[] {
  const level = t(`templateDesign.rule.level.${rules.departmentLevel}`);
  const sentences = [
    rules.differentDepartment
      ? t("templateDesign.rule.differentDepartment", { level })
      : t("templateDesign.rule.sameDepartmentAllowed"),
  ];
  if (rules.mentorsFromDifferentDepartments)
    sentences.push(t("templateDesign.rule.mentorsFromDifferentDepartments", { level }));
  if (rules.departmentPairs && rules.departmentPairs.length > 0)
    sentences.push(
      t("matching.departmentPairsRule", {
        level,
        pairs: rules.departmentPairs.map((pair) => `${pair.first} ↔ ${pair.second}`).join(", "),
      }),
    );
  sentences.push(
    rules.noDirectSupervisor
      ? t("templateDesign.rule.noDirectSupervisor")
      : t("templateDesign.rule.supervisorAllowed"),
  );
  sentences.push(...gradeGapSentences(rules.gradeGap ?? {}, t));
  sentences.push(
    rules.menteePreferences
      ? t("templateDesign.rule.menteePreferences")
      : t("templateDesign.rule.noMenteePreferences"),
  );
  return sentences;
}

function gradeGapSentences(gap: { min?: number; max?: number }, t: TFunction): string[] {
  const { min, max } = gap;
  if (min === undefined && max === undefined) return [t("templateDesign.rule.gradeGap.none")];
  const sentences: string[] = [];
  // A positive gap: the mentee is that many grades more junior; a negative one, more senior.
  if (min !== undefined) {
    if (min > 0) sentences.push(t("templateDesign.rule.gradeGap.minBelow", { count: min }));
    else if (min === 0) sentences.push(t("templateDesign.rule.gradeGap.minSame"));
    else sentences.push(t("templateDesign.rule.gradeGap.minAbove", { count: -min }));
  }
  if (max !== undefined) {
    if (max > 0) sentences.push(t("templateDesign.rule.gradeGap.maxBelow", { count: max }));
    else if (max === 0) sentences.push(t("templateDesign.rule.gradeGap.maxSame"));
    else sentences.push(t("templateDesign.rule.gradeGap.maxAbove", { count: -max }));
  }
  return sentences;
}
