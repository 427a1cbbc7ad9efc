import { describe, expect, it } from "vitest";
import { messageKeys, missingKeys } from "./message-keys";

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
