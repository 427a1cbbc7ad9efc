// A rubric's refusals and computed metrics reach the coordinator as words: each code the rubric's schema
// can answer with, and each metric's name and formula, has a message in every locale.
import { fieldIssueOf, rubricMetrics, rubricSchema } from "@mentoring/domain";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { missingKeys } from "./message-keys";
import { resources, supportedLocales } from "./resources";

const criterion = (key: string, weight: number, extra: Record<string, unknown> = {}) => ({
  key,
  name: { ko: key },
  weight,
  scaleMax: 10,
  ...extra,
});

/** A rubric wrong in every way the schema checks beyond single values. */
const refused = rubricSchema.safeParse([
  criterion("same", 30, {
    levels: [
      { score: 5, label: { ko: "보통" } },
      { score: 5, label: { ko: "또 보통" } },
      { score: 11, label: { ko: "넘침" } },
    ],
  }),
  criterion("same", 30, { source: { kind: "computed", metric: "meeting_frequency" } }),
  criterion("rate", 30, { source: { kind: "computed", metric: "attendance_rate", target: 1 } }),
]);
const issues = refused.success ? [] : refused.error.issues.map(fieldIssueOf);

describe.each(supportedLocales)("rubric messages in %s", (locale) => {
  it("word every refusal of a rubric, none falling back to the generic one", () => {
    expect(issues.map((issue) => issue.message).sort()).toEqual([
      "programs.issue.duplicateKey",
      "programs.issue.duplicateLevel",
      "programs.issue.levelAboveScale",
      "programs.issue.targetNotAllowed",
      "programs.issue.targetRequired",
      "programs.issue.weightsSum",
    ]);
    expect(
      missingKeys(
        issues.map((issue) => issue.message),
        locale,
      ),
    ).toEqual([]);
  });

  it("name every computed metric and say its formula", () => {
    const keys = rubricMetrics.flatMap((metric) => [
      `programs.rubric.metric.${metric}.label`,
      `programs.rubric.metric.${metric}.formula`,
    ]);
    expect(missingKeys(keys, locale)).toEqual([]);
  });

  it("say what the weights add up to", async () => {
    const t = i18next.createInstance();
    await t.init({ lng: locale, resources, defaultNS: "common", interpolation: { escapeValue: false } });
    const weights = issues.find((issue) => issue.message === "programs.issue.weightsSum");
    expect(weights?.params).toEqual({ sum: 90 });
    expect(t.t("programs.issue.weightsSum", { ...weights?.params, field: "R" })).toContain("90");
  });
});
