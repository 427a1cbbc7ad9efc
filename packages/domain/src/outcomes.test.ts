import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import {
  cohortOutcomes,
  compareCohortChange,
  displayCohortDifference,
  displayLikertSummary,
  displayNumber,
  displayPairedChange,
  likertSummary,
  type OutcomePerson,
  pairedChange,
} from "./outcomes";
import { questionSetSchema } from "./program-template";
import { diagnosticScores, type SurveyAnswers } from "./survey";

const digital = (() => {
  const set = builtinTemplate("reverse_mentoring").questionSets.find(
    (candidate) => candidate.key === "digital_diagnostic",
  );
  if (!set) throw new Error("no digital diagnostic");
  return set;
})();
const dimensions = digital.dimensions.map((dimension) => dimension.key);

/** A participant as the survey stores them: answer sheets per phase, scored through diagnosticScores. */
function person(key: string, team: string, pre: SurveyAnswers, post: SurveyAnswers | null): OutcomePerson {
  return {
    key,
    team,
    pre: diagnosticScores(digital, pre),
    post: post === null ? null : diagnosticScores(digital, post),
  };
}

/*
 * Gangneung's shape: 3 teams of 4 (3 juniors + 1 manager), given the digital diagnostic before and after.
 * digital_literacy = (the mean of dl_ai, dl_sns, dl_video and 6 − dl_help, less 1) × 25; openness likewise of
 * op_listen and op_speak. p12 left before the post survey. Scores in the comment: pre → post.
 */
// biome-ignore format: one participant a line, beside the scores that line gives
const cohort: OutcomePerson[] = [
  person("p1", "t1", { dl_ai: 2, dl_sns: 2, dl_video: 2, dl_help: 4, op_listen: 3, op_speak: 3 }, { dl_ai: 3, dl_sns: 3, dl_video: 3, dl_help: 3, op_listen: 4, op_speak: 3 }), // dl 25 → 50, op 50 → 62.5
  person("p2", "t1", { dl_ai: 3, dl_sns: 3, dl_video: 2, dl_help: 4, op_listen: 4, op_speak: 3 }, { dl_ai: 3, dl_sns: 3, dl_video: 3, dl_help: 3, op_listen: 3, op_speak: 3 }), // dl 37.5 → 50, op 62.5 → 50
  person("p3", "t1", { dl_ai: 2, dl_sns: 2, dl_video: 1, dl_help: 5, op_listen: 3, op_speak: 2 }, { dl_ai: 3, dl_sns: 3, dl_video: 3, dl_help: 3, op_listen: 3, op_speak: 2 }), // dl 12.5 → 50, op 37.5 → 37.5
  person("p4", "t1", { dl_ai: 4, dl_sns: 4, dl_video: 3, dl_help: 3, op_listen: 4, op_speak: 4 }, { dl_ai: 4, dl_sns: 4, dl_video: 3, dl_help: 3, op_listen: 5, op_speak: 4 }), // dl 62.5 → 62.5, op 75 → 87.5
  person("p5", "t2", { dl_ai: 2, dl_sns: 2, dl_video: 2, dl_help: 4, op_listen: 3, op_speak: 3 }, { dl_ai: 3, dl_sns: 3, dl_video: 2, dl_help: 4, op_listen: 3, op_speak: 2 }), // dl 25 → 37.5, op 50 → 37.5
  person("p6", "t2", { dl_ai: 3, dl_sns: 3, dl_video: 3, dl_help: 3, op_listen: 4, op_speak: 3 }, { dl_ai: 4, dl_sns: 4, dl_video: 4, dl_help: 2, op_listen: 4, op_speak: 3 }), // dl 50 → 75, op 62.5 → 62.5
  person("p7", "t2", { dl_ai: 4, dl_sns: 4, dl_video: 3, dl_help: 3, op_listen: 2, op_speak: 2 }, { dl_ai: 3, dl_sns: 3, dl_video: 3, dl_help: 3, op_listen: 2, op_speak: 2 }), // dl 62.5 → 50, op 25 → 25
  person("p8", "t2", { dl_ai: 3, dl_sns: 3, dl_video: 2, dl_help: 4, op_listen: 4, op_speak: 4 }, { dl_ai: 3, dl_sns: 3, dl_video: 2, dl_help: 4, op_listen: 5, op_speak: 4 }), // dl 37.5 → 37.5, op 75 → 87.5
  person("p9", "t3", { dl_ai: 4, dl_sns: 4, dl_video: 4, dl_help: 2, op_listen: 4, op_speak: 3 }, { dl_ai: 4, dl_sns: 4, dl_video: 4, dl_help: 2, op_listen: 4, op_speak: 3 }), // dl 75 → 75, op 62.5 → 62.5
  person("p10", "t3", { dl_ai: 2, dl_sns: 2, dl_video: 2, dl_help: 4, op_listen: 3, op_speak: 3 }, { dl_ai: 3, dl_sns: 3, dl_video: 2, dl_help: 4, op_listen: 3, op_speak: 3 }), // dl 25 → 37.5, op 50 → 50
  person("p11", "t3", { dl_ai: 3, dl_sns: 3, dl_video: 2, dl_help: 4, op_listen: 4, op_speak: 4 }, { dl_ai: 4, dl_sns: 4, dl_video: 3, dl_help: 3, op_listen: 4, op_speak: 3 }), // dl 37.5 → 62.5, op 75 → 62.5
  person("p12", "t3", { dl_ai: 3, dl_sns: 3, dl_video: 3, dl_help: 3, op_listen: 3, op_speak: 2 }, null), // dl 50, op 37.5, no post
];

/** The entry a test expects a result to have. */
function entry<T>(record: Record<string, T> | undefined, key: string): T {
  const value = record?.[key];
  if (value === undefined) throw new Error(`no ${key} in the result`);
  return value;
}

/** Written out by hand: t(0.975, 10), from a t table to more places (also SciPy's stats.t.ppf). */
const T_975_10 = 2.228138851986274;

describe("outcomes of a cohort's diagnostic", () => {
  const outcomes = cohortOutcomes(cohort, dimensions);

  it("give each person's change, and nothing for a person without a post survey", () => {
    expect(outcomes.people).toEqual({
      p1: { digital_literacy: 25, openness: 12.5 },
      p2: { digital_literacy: 12.5, openness: -12.5 },
      p3: { digital_literacy: 37.5, openness: 0 },
      p4: { digital_literacy: 0, openness: 12.5 },
      p5: { digital_literacy: 12.5, openness: -12.5 },
      p6: { digital_literacy: 25, openness: 0 },
      p7: { digital_literacy: -12.5, openness: 0 },
      p8: { digital_literacy: 0, openness: 12.5 },
      p9: { digital_literacy: 0, openness: 0 },
      p10: { digital_literacy: 12.5, openness: 0 },
      p11: { digital_literacy: 25, openness: -12.5 },
      p12: {},
    });
  });

  it("give a team of four its mean change and spread with no claim: the direction only", () => {
    // t1's digital literacy: 25, 12.5, 37.5, 0 → mean 18.75; deviations 6.25, −6.25, 18.75, −18.75 →
    // Σ² = 781.25 → variance 781.25 / 3 = 260.41666… → sd 16.1374306…
    expect(outcomes.teams.t1?.digital_literacy).toEqual({
      n: 4,
      mean: 18.75,
      sd: expect.closeTo(16.137430609197573, 12),
      interval: null,
      effectSize: null,
      direction: "up",
      verdict: "too_few",
    });
    // t1's openness: 12.5, −12.5, 0, 12.5 → 3.125 (3.1 on the page).
    expect(outcomes.teams.t1?.openness).toMatchObject({
      n: 4,
      mean: 3.125,
      direction: "up",
      verdict: "too_few",
    });
    // t2: digital literacy 12.5, 25, −12.5, 0 → 6.25; openness −12.5, 0, 0, 12.5 → 0, no direction.
    expect(outcomes.teams.t2?.digital_literacy).toMatchObject({ n: 4, mean: 6.25, direction: "up" });
    expect(outcomes.teams.t2?.openness).toMatchObject({
      n: 4,
      mean: 0,
      direction: "none",
      verdict: "too_few",
    });
    // t3: p12 has no post survey, so three count: 0, 12.5, 25 → 12.5; openness 0, 0, −12.5 → −4.1666…
    expect(outcomes.teams.t3?.digital_literacy).toMatchObject({
      n: 3,
      mean: 12.5,
      sd: 12.5,
      direction: "up",
    });
    expect(outcomes.teams.t3?.openness).toMatchObject({ n: 3, direction: "down", verdict: "too_few" });
    expect(outcomes.teams.t3?.openness?.mean).toBeCloseTo(-12.5 / 3, 12);
    expect(Object.keys(outcomes.teams).sort()).toEqual(["t1", "t2", "t3"]);
  });

  it("give the cohort's mean change with its 95% interval, effect size and verdict", () => {
    // Digital literacy over the 11 scored at both: changes in steps of 12.5 are 2, 1, 3, 0, 1, 2, −1, 0,
    // 0, 1, 2 → Σ 11 steps → mean 12.5. Deviations in steps 1, 0, 2, −1, 0, 1, −2, −1, −1, 0, 1 → Σ² 14
    // steps² = 2187.5 → variance 218.75 → sd √218.75 = 14.7901994…; standard error sd / √11 = 4.4594…;
    // interval 12.5 ± 2.2281388 × 4.4594 = [2.5638, 22.4362], above 0 → increase; dz 12.5 / 14.79 = 0.845.
    const sd = Math.sqrt(218.75);
    const margin = (T_975_10 * sd) / Math.sqrt(11);
    const literacy = entry(outcomes.cohort, "digital_literacy");
    expect(literacy).toMatchObject({ n: 11, mean: 12.5, direction: "up", verdict: "increase" });
    expect(literacy.sd).toBeCloseTo(sd, 12);
    expect(literacy.interval?.low).toBeCloseTo(12.5 - margin, 10);
    expect(literacy.interval?.high).toBeCloseTo(12.5 + margin, 10);
    expect(literacy.interval?.low).toBeCloseTo(2.563808804581228, 10);
    expect(literacy.effectSize).toBeCloseTo(12.5 / sd, 12);
    // Openness: 1, −1, 0, 1, −1, 0, 0, 1, 0, 0, −1 steps → mean 0; Σ² 6 steps² = 937.5 → variance 93.75;
    // interval 0 ± 2.2281388 × √93.75 / √11 = ±6.5048 → holds 0 → no clear change.
    const opennessMargin = (T_975_10 * Math.sqrt(93.75)) / Math.sqrt(11);
    expect(outcomes.cohort.openness).toMatchObject({
      n: 11,
      mean: 0,
      effectSize: 0,
      direction: "none",
      verdict: "no_clear_change",
    });
    expect(outcomes.cohort.openness?.interval?.low).toBeCloseTo(-opennessMargin, 10);
    expect(outcomes.cohort.openness?.interval?.high).toBeCloseTo(opennessMargin, 10);
  });

  it("show the figures with one decimal, keeping the verdict reached at full precision", () => {
    expect(displayPairedChange(entry(outcomes.cohort, "digital_literacy"))).toEqual({
      n: 11,
      mean: 12.5,
      sd: 14.8,
      interval: { low: 2.6, high: 22.4 },
      effectSize: 0.8,
      direction: "up",
      verdict: "increase",
    });
    expect(displayPairedChange(entry(outcomes.teams.t1, "openness")).mean).toBe(3.1);
    expect(displayPairedChange(entry(outcomes.teams.t3, "openness")).mean).toBe(-4.2);
  });

  it("count in a team only its members, and in the cohort people without a team too", () => {
    const withLoner = cohortOutcomes(
      [...cohort, { key: "p13", team: null, pre: { digital_literacy: 0 }, post: { digital_literacy: 100 } }],
      dimensions,
    );
    expect(withLoner.cohort.digital_literacy?.n).toBe(12);
    expect(withLoner.cohort.openness?.n).toBe(11);
    expect(withLoner.teams).toEqual(outcomes.teams);
    expect(withLoner.people.p13).toEqual({ digital_literacy: 100 });
  });

  it("refuse a person given twice, who would otherwise count twice", () => {
    expect(() => cohortOutcomes([...cohort, cohort[0] as OutcomePerson], dimensions)).toThrow(/p1/);
  });
});

describe("a paired change", () => {
  it("is the mean of the members' own changes, counting only those scored at both phases", () => {
    // Formerly teamScoreChange: 37.5 and 10 → 23.75 (23.8 shown); openness 0 and 25 → 12.5.
    const change = pairedChange(
      [
        { pre: { digital_literacy: 25, openness: 50 }, post: { digital_literacy: 62.5, openness: 50 } },
        { pre: { digital_literacy: 50, openness: 50 }, post: { digital_literacy: 60, openness: 75 } },
        { pre: { digital_literacy: 10 }, post: {} },
        { pre: null, post: { digital_literacy: 90 } },
      ],
      dimensions,
    );
    expect(change.digital_literacy).toMatchObject({ n: 2, mean: 23.75 });
    expect(displayPairedChange(entry(change, "digital_literacy")).mean).toBe(23.8);
    expect(change.openness).toMatchObject({ n: 2, mean: 12.5 });
  });

  it("gives every dimension asked for, with no one scored as n 0 and no direction", () => {
    expect(pairedChange([], ["openness"])).toEqual({
      openness: {
        n: 0,
        mean: null,
        sd: null,
        interval: null,
        effectSize: null,
        direction: null,
        verdict: "too_few",
      },
    });
    expect(
      pairedChange([{ pre: { openness: 50 }, post: { openness: 25 } }], ["openness"]).openness,
    ).toMatchObject({ n: 1, mean: -25, sd: null, direction: "down", verdict: "too_few" });
  });

  it("makes a claim from five people on: the interval with t(0.975, 4) = 2.776", () => {
    // Changes 10, 20, 30, 40, 50 → mean 30, sd √250 = 15.811; error 15.811 / √5 = 7.0711;
    // 30 ± 2.7764451 × 7.0711 = [10.367, 49.633] → increase.
    const people = [10, 20, 30, 40, 50].map((change) => ({
      pre: { openness: 0 },
      post: { openness: change },
    }));
    const { openness } = pairedChange(people, ["openness"]);
    expect(openness?.verdict).toBe("increase");
    expect(openness?.interval?.low).toBeCloseTo(30 - 2.7764451051977934 * Math.sqrt(50), 10);
    expect(openness?.interval?.high).toBeCloseTo(30 + 2.7764451051977934 * Math.sqrt(50), 10);
    expect(openness?.effectSize).toBeCloseTo(30 / Math.sqrt(250), 12);
    // Four of them: the same direction, no claim.
    expect(pairedChange(people.slice(0, 4), ["openness"]).openness).toMatchObject({
      verdict: "too_few",
      direction: "up",
      interval: null,
    });
  });

  it("calls a fall a decrease, and a spread straddling 0 no clear change", () => {
    const falls = [-10, -20, -30, -40, -50].map((change) => ({
      pre: { openness: 60 },
      post: { openness: 60 + change },
    }));
    expect(pairedChange(falls, ["openness"]).openness?.verdict).toBe("decrease");
    const mixed = [-30, 20, -10, 40, 5].map((change) => ({
      pre: { openness: 50 },
      post: { openness: 50 + change },
    }));
    expect(pairedChange(mixed, ["openness"]).openness).toMatchObject({
      direction: "up",
      verdict: "no_clear_change",
    });
  });

  it("claims a change when everyone changed by the same amount, with no effect size (sd 0)", () => {
    const same = Array.from({ length: 5 }, () => ({ pre: { openness: 50 }, post: { openness: 62.5 } }));
    expect(pairedChange(same, ["openness"]).openness).toEqual({
      n: 5,
      mean: 12.5,
      sd: 0,
      interval: { low: 12.5, high: 12.5 },
      effectSize: null,
      direction: "up",
      verdict: "increase",
    });
    const none = Array.from({ length: 5 }, () => ({ pre: { openness: 50 }, post: { openness: 50 } }));
    expect(pairedChange(none, ["openness"]).openness?.verdict).toBe("no_clear_change");
  });
});

describe("comparing a cohort with the one before", () => {
  const earlier = cohort;
  // The 2nd cohort: six people whose digital literacy rose by 37.5, 50, 25, 37.5, 62.5 and 37.5.
  const later = [37.5, 50, 25, 37.5, 62.5, 37.5].map((change) => ({
    pre: { digital_literacy: 25, openness: 50 },
    post: { digital_literacy: 25 + change, openness: 50 },
  }));

  it("gives the difference of the mean changes with Welch's interval", () => {
    // Earlier: n 11, mean 12.5, variance 218.75 → 218.75 / 11 = 19.8864. Later: n 6, mean 41.6667,
    // deviations −4.1667, 8.3333, −16.6667, −4.1667, 20.8333, −4.1667 → Σ² 833.33 → variance 166.667 →
    // 166.667 / 6 = 27.7778. Difference 29.1667; error² 47.6641 → error 6.9040;
    // df = 47.6641² / (19.8864² / 10 + 27.7778² / 5) = 228010 / 19457 = 11.7187; t(0.975, 11.7187) =
    // 2.18463 → interval [14.0842, 44.2492], above 0: the 2nd cohort changed more.
    const literacy = entry(compareCohortChange(earlier, later, dimensions), "digital_literacy");
    expect(literacy).toMatchObject({
      earlier: { n: 11, mean: 12.5 },
      later: { n: 6 },
      direction: "up",
      verdict: "increase",
    });
    expect(literacy.later.mean).toBeCloseTo(125 / 3, 12);
    expect(literacy.difference).toBeCloseTo(175 / 6, 12);
    expect(literacy.df).toBeCloseTo(228010 / 19457, 10);
    expect(literacy.interval?.low).toBeCloseTo(14.084161722706002, 9);
    expect(literacy.interval?.high).toBeCloseTo(44.249171610627336, 9);
    expect(displayCohortDifference(literacy)).toMatchObject({
      earlier: { n: 11, mean: 12.5 },
      later: { n: 6, mean: 41.7 },
      difference: 29.2,
      interval: { low: 14.1, high: 44.2 },
      df: 11.7,
    });
  });

  it("makes no claim when either cohort has fewer than five people, but shows the direction", () => {
    const comparison = compareCohortChange(earlier, later.slice(0, 4), dimensions);
    expect(comparison.digital_literacy).toMatchObject({
      earlier: { n: 11 },
      later: { n: 4 },
      direction: "up",
      interval: null,
      df: null,
      verdict: "too_few",
    });
    expect(compareCohortChange([], later, ["openness"]).openness).toMatchObject({
      earlier: { n: 0, mean: null },
      difference: null,
      direction: null,
      verdict: "too_few",
    });
  });

  it("sees no clear difference when the intervals overlap 0", () => {
    // Openness: earlier mean 0 (sd 9.68), later mean 0 with no spread: difference 0 → no clear change.
    expect(compareCohortChange(earlier, later, dimensions).openness).toMatchObject({
      difference: 0,
      direction: "none",
      verdict: "no_clear_change",
    });
  });
});

describe("satisfaction", () => {
  const satisfaction = questionSetSchema.parse({
    key: "satisfaction",
    title: { ko: "만족도 조사" },
    phases: ["post"],
    roles: ["mentor", "mentee"],
    questions: [
      { key: "overall", type: "likert", prompt: { ko: "전반적으로 만족한다." } },
      { key: "recommend", type: "likert", prompt: { ko: "동료에게 추천하겠다." }, required: false },
      { key: "comment", type: "long_text", prompt: { ko: "하고 싶은 말" }, required: false },
    ],
  });
  const sheets: SurveyAnswers[] = [
    { overall: 5, recommend: 5, comment: "좋았습니다" },
    { overall: 4, recommend: 5 },
    { overall: 4, recommend: 4 },
    { overall: 3 },
    { overall: 5, recommend: 3 },
    { overall: 2, recommend: 1 },
  ];

  it("gives each likert question its mean, distribution, share answering 4 or 5 and n", () => {
    // overall: 5, 4, 4, 3, 5, 2 → mean 23 / 6 = 3.8333; 4 of 6 answered 4 or 5 → 66.67%.
    // recommend: 5, 5, 4, 3, 1 (one left it) → mean 18 / 5 = 3.6; 3 of 5 → 60%.
    const summary = likertSummary(satisfaction, sheets);
    expect(summary).toEqual([
      { question: "overall", n: 6, mean: 23 / 6, counts: [0, 1, 1, 2, 2], agreePercent: 400 / 6 },
      { question: "recommend", n: 5, mean: 3.6, counts: [1, 0, 1, 1, 2], agreePercent: 60 },
    ]);
    expect(summary.map(displayLikertSummary)).toEqual([
      { question: "overall", n: 6, mean: 3.8, counts: [0, 1, 1, 2, 2], agreePercent: 66.7 },
      { question: "recommend", n: 5, mean: 3.6, counts: [1, 0, 1, 1, 2], agreePercent: 60 },
    ]);
  });

  it("gives a question no one answered n 0 and no mean", () => {
    expect(likertSummary(satisfaction, [{ comment: "없음" }])[1]).toEqual({
      question: "recommend",
      n: 0,
      mean: null,
      counts: [0, 0, 0, 0, 0],
      agreePercent: null,
    });
  });
});

describe("numbers on the page", () => {
  it("have one decimal, halves away from zero, and no negative zero", () => {
    expect(displayNumber(23.75)).toBe(23.8);
    expect(displayNumber(-23.75)).toBe(-23.8);
    expect(displayNumber(0.25)).toBe(0.3);
    expect(displayNumber(-0.25)).toBe(-0.3);
    expect(Object.is(displayNumber(-0.04), 0)).toBe(true);
    expect(displayNumber(14.790199457749)).toBe(14.8);
  });
});
