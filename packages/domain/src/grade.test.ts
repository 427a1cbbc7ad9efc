import { describe, expect, it } from "vitest";
import { parseGrade } from "./grade";

describe("parseGrade", () => {
  it.each([
    ["8급", 8],
    ["9 급", 9],
    ["8", 8],
    ["1급", 1],
    ["행정8급", 8],
    ["지방행정8급", 8],
    ["지방 행정 7급", 7],
    ["８급", 8],
    ["９　급", 9],
    [" 6급 ", 6],
  ])("reads the numbered grade %s as %i", (text, grade) => {
    expect(parseGrade(text)).toEqual({ ok: true, grade });
  });

  it.each([
    ["관리관", 1],
    ["지방관리관", 1],
    ["이사관", 2],
    ["지방이사관", 2],
    ["부이사관", 3],
    ["지방부이사관", 3],
    ["서기관", 4],
    ["지방서기관", 4],
    ["지방행정사무관", 5],
    ["지방시설주사", 6],
    ["지방행정주사보", 7],
    ["주사보", 7],
    ["지방행정서기", 8],
    ["서기", 8],
    ["지방전산서기보", 9],
    ["서기보", 9],
    ["지방 행정 주사보", 7],
  ])("reads the rank title %s as grade %i", (text, grade) => {
    expect(parseGrade(text)).toEqual({ ok: true, grade });
  });

  it.each(["연구관", "지방농업연구관", "연구사", "지방공업연구사", "지도관", "지방농촌지도사", "전문경력관"])(
    "recognises %s as a non-graded post",
    (text) => {
      expect(parseGrade(text)).toEqual({ ok: true, grade: null });
    },
  );

  it.each(["10급", "0급", "0", "주무관", "과장", "grade 8", "8급 주무관", "행정8", "Seogi"])(
    "does not guess at %s",
    (text) => {
      expect(parseGrade(text)).toEqual({ ok: false, reason: "unrecognised" });
    },
  );

  it("tells empty text apart from unrecognised text", () => {
    expect(parseGrade("")).toEqual({ ok: false, reason: "empty" });
    expect(parseGrade("  ")).toEqual({ ok: false, reason: "empty" });
  });
});
