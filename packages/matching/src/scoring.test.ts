import { describe, expect, it } from "vitest";
import type { Criterion, Participant } from "./problem";
import { compileScoring, SCORE_UNIT } from "./scoring";

const mentor = (extra: Partial<Participant> = {}): Participant => ({ id: "m", role: "mentor", ...extra });
const mentee = (extra: Partial<Participant> = {}): Participant => ({ id: "e", role: "mentee", ...extra });

/** The value (0 to 1) one criterion of weight 1 gives one pair. */
function value(criterion: Criterion, a: Participant, b: Participant, others: Participant[] = []): number {
  const scoring = compileScoring([criterion], [a], [b, ...others]);
  return scoring.pairUnits(0, 0) / SCORE_UNIT;
}

describe("pair criteria", () => {
  it("scores alike numeric answers 1 when similar is wanted, opposite ones 1 when complementary is", () => {
    const similar: Criterion = {
      kind: "answer",
      question: "q",
      mode: "similar",
      weight: 1,
      scale: { min: 1, max: 5 },
    };
    const complementary: Criterion = { ...similar, mode: "complementary" };
    expect(value(similar, mentor({ answers: { q: 2 } }), mentee({ answers: { q: 2 } }))).toBe(1);
    expect(value(similar, mentor({ answers: { q: 1 } }), mentee({ answers: { q: 5 } }))).toBe(0);
    expect(value(similar, mentor({ answers: { q: 2 } }), mentee({ answers: { q: 3 } }))).toBe(0.75);
    expect(value(complementary, mentor({ answers: { q: 1 } }), mentee({ answers: { q: 5 } }))).toBe(1);
  });

  it("compares option answers and option sets, and gives 0 to a missing answer", () => {
    const option: Criterion = { kind: "answer", question: "q", mode: "similar", weight: 1 };
    expect(value(option, mentor({ answers: { q: "outdoor" } }), mentee({ answers: { q: "outdoor" } }))).toBe(
      1,
    );
    expect(value(option, mentor({ answers: { q: "outdoor" } }), mentee({ answers: { q: "quiet" } }))).toBe(0);
    expect(
      value(option, mentor({ answers: { q: ["a", "b"] } }), mentee({ answers: { q: ["b", "c"] } })),
    ).toBeCloseTo(1 / 3, 6);
    expect(value(option, mentor(), mentee({ answers: { q: "outdoor" } }))).toBe(0);
  });

  it("measures interest overlap as shared interests over all interests of the pair", () => {
    const criterion: Criterion = { kind: "interest_overlap", weight: 1 };
    expect(
      value(criterion, mentor({ interests: ["AI", "SNS"] }), mentee({ interests: ["SNS", "영상", "AI"] })),
    ).toBeCloseTo(2 / 3, 6);
    expect(value(criterion, mentor({ interests: [] }), mentee({ interests: [] }))).toBe(0);
  });

  it("prefers the same or a different department as asked", () => {
    const same: Criterion = { kind: "attribute", attribute: "department", prefer: "same", weight: 1 };
    const different: Criterion = { ...same, prefer: "different" };
    const a = mentor({ department: "세정과" });
    expect(value(same, a, mentee({ department: "세정과" }))).toBe(1);
    expect(value(different, a, mentee({ department: "세정과" }))).toBe(0);
    expect(value(different, a, mentee({ department: "회계과" }))).toBe(1);
  });

  it("scores a grade gap by its distance from the ideal (mentee's grade minus mentor's)", () => {
    const criterion: Criterion = { kind: "grade_gap", ideal: 2, range: 4, weight: 1 };
    expect(value(criterion, mentor({ grade: 6 }), mentee({ grade: 8 }))).toBe(1);
    expect(value(criterion, mentor({ grade: 7 }), mentee({ grade: 8 }))).toBe(0.75);
    expect(value(criterion, mentor({ grade: 9 }), mentee({ grade: 5 }))).toBe(0);
  });

  it("rewards a mentor strong where the mentee is weak (reverse mentoring's digital skills)", () => {
    const criterion: Criterion = {
      kind: "diagnostic_complement",
      dimension: "digital",
      scale: { min: 0, max: 100 },
      weight: 1,
    };
    expect(
      value(criterion, mentor({ diagnostics: { digital: 90 } }), mentee({ diagnostics: { digital: 30 } })),
    ).toBeCloseTo(0.6);
    expect(
      value(criterion, mentor({ diagnostics: { digital: 30 } }), mentee({ diagnostics: { digital: 90 } })),
    ).toBe(0);
  });

  it("ranks a mentee's wishes: first choice 1, last of n 1/n, unlisted 0", () => {
    const criterion: Criterion = { kind: "mentee_preference", weight: 1 };
    const scoring = compileScoring(
      [criterion],
      [mentor({ id: "m1" }), mentor({ id: "m2" }), mentor({ id: "m3" })],
      [mentee({ preferences: ["m2", "m1"] })],
    );
    expect([0, 1, 2].map((m) => scoring.pairUnits(m, 0) / SCORE_UNIT)).toEqual([0.5, 1, 0]);
  });

  it("normalises imported compatibility scores to the scale and uses `missing` for unlisted pairs", () => {
    const criterion: Criterion = {
      kind: "pair_scores",
      weight: 2,
      scale: { min: 0, max: 100 },
      missing: 50,
      scores: [{ mentorId: "m1", menteeId: "e", score: 80 }],
    };
    const scoring = compileScoring([criterion], [mentor({ id: "m1" }), mentor({ id: "m2" })], [mentee()]);
    expect(scoring.pairUnits(0, 0) / SCORE_UNIT).toBe(1.6);
    expect(scoring.pairUnits(1, 0) / SCORE_UNIT).toBe(1);
    expect(scoring.pairBreakdown(0, 0)).toEqual([{ criterionId: "pair_scores", value: 0.8, points: 1.6 }]);
  });
});

describe("team diversity", () => {
  it("gives full weight when the three mentors come from three departments, none when from one", () => {
    const criterion: Criterion = {
      kind: "team_diversity",
      attribute: "department",
      among: "mentors",
      weight: 3,
    };
    const mentors = ["a", "a", "a", "b", "c"].map((department, i) => mentor({ id: `m${i}`, department }));
    const scoring = compileScoring([criterion], mentors, [mentee()]);
    expect(scoring.teamInternalUnits([0, 1, 2], [0]) / SCORE_UNIT).toBe(0);
    expect(scoring.teamInternalUnits([0, 1, 3], [0]) / SCORE_UNIT).toBe(2);
    expect(scoring.teamInternalUnits([0, 3, 4], [0]) / SCORE_UNIT).toBe(3);
    expect(scoring.teamInternalBreakdown([0, 3, 4], [0])).toEqual({ "team_diversity:mentors:department": 3 });
  });
});
