import { describe, expect, it } from "vitest";
import { baseKey, messageKeys, missingKeys } from "./message-keys";

describe("messageKeys", () => {
  it("lists the dotted key of every message, not of the groups", () => {
    expect(messageKeys({ grade: { "8": "8급", none: "직급 없음" }, title: "멘토링" })).toEqual([
      "grade.8",
      "grade.none",
      "title",
    ]);
  });
});

describe("missingKeys", () => {
  it("returns nothing when every key has a message", () => {
    expect(
      missingKeys(["grade.8", "eligibility.failure.grade.below_min", "config.error.invalid"], "ko"),
    ).toEqual([]);
  });

  it("returns the keys without a message, including group keys and inherited object properties", () => {
    expect(
      missingKeys(
        ["grade.10", "eligibility.failure.grade", "eligibility.failure.nope.x", "constructor"],
        "en",
      ),
    ).toEqual(["grade.10", "eligibility.failure.grade", "eligibility.failure.nope.x", "constructor"]);
  });
});

describe("missingKeys with plural forms", () => {
  it("finds a message that has plural forms by its key without a suffix, as i18next does given a count", () => {
    expect(missingKeys(["matching.summary.people", "matching.error.violations"], "ko")).toEqual([]);
    expect(missingKeys(["matching.summary.people", "matching.error.violations"], "en")).toEqual([]);
  });

  it("does not take the Korean plural form for a singular form it lacks", () => {
    expect(missingKeys(["matching.summary.people_one"], "ko")).toEqual(["matching.summary.people_one"]);
  });
});

describe("baseKey", () => {
  it("drops a plural suffix and nothing else", () => {
    expect(["people_one", "people_other", "surveys.problem.too_many", "grade.8"].map(baseKey)).toEqual([
      "people",
      "people",
      "surveys.problem.too_many",
      "grade.8",
    ]);
  });
});
