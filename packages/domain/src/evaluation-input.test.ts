import { describe, expect, it } from "vitest";
import {
  EVALUATION_COMMENT_MAX,
  evaluationDraftProblems,
  missingScores,
  normalisedComment,
} from "./evaluation-input";

const criteria = [
  { key: "effort", scaleMax: 10 },
  { key: "creativity", scaleMax: 5 },
];

describe("a draft evaluation's entries", () => {
  it("pass with whole scores within each criterion's scale, and with scores left out", () => {
    expect(
      evaluationDraftProblems(criteria, {
        effort: { score: 0, comment: "성실함" },
        creativity: { score: 5 },
      }),
    ).toEqual([]);
    expect(evaluationDraftProblems(criteria, { effort: { score: null, comment: "아직" } })).toEqual([]);
  });

  it("refuse a score of 11 on a 10-point criterion, a negative or a fractional score, naming the scale", () => {
    for (const score of [11, -1, 7.5, Number.NaN])
      expect(evaluationDraftProblems(criteria, { effort: { score } }), String(score)).toEqual([
        { path: "scores.effort", code: "evaluation.score_out_of_scale", params: { max: 10 } },
      ]);
    expect(evaluationDraftProblems(criteria, { creativity: { score: 6 } })[0]?.params).toEqual({ max: 5 });
  });

  it("refuse anything on a criterion the evaluators do not score (computed, or not in the rubric)", () => {
    expect(evaluationDraftProblems(criteria, { attendance: { score: 3 } })).toEqual([
      { path: "scores.attendance", code: "evaluation.score_not_scored", params: { key: "attendance" } },
    ]);
  });

  it("refuse a comment holding a NUL byte or another control character, but keep its lines and tabs", () => {
    for (const comment of ["좋음\u0000", "a\u0007b", "\u001b[31m", "x\u009fy"])
      expect(evaluationDraftProblems(criteria, { effort: { comment } }), JSON.stringify(comment)).toEqual([
        { path: "comments.effort", code: "evaluation.comment_control_characters", params: {} },
      ]);
    expect(evaluationDraftProblems(criteria, { effort: { comment: "첫째\r\n둘째\t셋째" } })).toEqual([]);
  });

  it("refuse a comment longer than 2,000 characters, counting a Korean syllable as one", () => {
    const longest = "가".repeat(EVALUATION_COMMENT_MAX);
    expect(evaluationDraftProblems(criteria, { effort: { comment: longest } })).toEqual([]);
    expect(evaluationDraftProblems(criteria, { effort: { comment: `${longest}나` } })).toEqual([
      { path: "comments.effort", code: "evaluation.comment_too_long", params: { max: 2000 } },
    ]);
  });

  it("report every problem at once, in the rubric's order", () => {
    const problems = evaluationDraftProblems(criteria, {
      other: { score: 1 },
      creativity: { score: 9, comment: "\u0000" },
      effort: { score: 11 },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      "scores.effort",
      "scores.creativity",
      "comments.creativity",
      "scores.other",
    ]);
  });
});

describe("a submission's scores", () => {
  it("name each criterion the evaluators score that has no score", () => {
    expect(missingScores(criteria, { effort: 3, creativity: null }).map((p) => p.path)).toEqual([
      "scores.creativity",
    ]);
    expect(missingScores(criteria, { effort: 0, creativity: 0 })).toEqual([]);
  });
});

describe("a comment as stored", () => {
  it("is trimmed with its line breaks as line feeds", () => {
    expect(normalisedComment("  첫째\r\n둘째\r ")).toBe("첫째\n둘째");
    expect(normalisedComment(undefined)).toBe("");
  });
});
