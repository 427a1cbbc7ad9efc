import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "./builtin-templates";
import { addDays, calendarDate, compareCalendarDates } from "./calendar-date";
import { scheduleFromOffsets } from "./cohort-schedule";
import { questionSetSchema } from "./program-template";
import {
  checkAnswers,
  completionPercent,
  diagnosticScores,
  matchingAttributes,
  meanScores,
  reminderDue,
  responseStatus,
  roundClosesByDate,
  roundClosesOn,
  roundPastLastDay,
  roundWindow,
  scoreChange,
} from "./survey";

const reverse = builtinTemplate("reverse_mentoring");
const standard = builtinTemplate("new_official_mentoring");
function setOf(definition: typeof reverse, key: string) {
  const set = definition.questionSets.find((candidate) => candidate.key === key);
  if (!set) throw new Error(`no question set ${key}`);
  return set;
}
const preSurvey = setOf(reverse, "pre_survey");
const digital = setOf(reverse, "digital_diagnostic");
const day = calendarDate;

const option = (key: string) => ({ key, label: { ko: key } });
/** One question of each type, with a `pick` of 2 for the choice questions. */
const everyType = questionSetSchema.parse({
  key: "every_type",
  title: { ko: "모든 유형" },
  phases: ["pre"],
  roles: ["mentor"],
  dimensions: [{ key: "calm", label: { ko: "침착함" } }],
  questions: [
    { key: "mood", type: "likert", prompt: { ko: "기분" }, dimension: "calm" },
    { key: "colour", type: "single", prompt: { ko: "색" }, options: ["red", "blue"].map(option) },
    {
      key: "days",
      type: "multiple",
      prompt: { ko: "요일" },
      options: ["mon", "tue", "wed"].map(option),
      pick: 2,
    },
    {
      key: "top",
      type: "ranked",
      prompt: { ko: "순위" },
      options: ["a", "b", "c", "d"].map(option),
      pick: 2,
    },
    { key: "order_all", type: "ranked", prompt: { ko: "전체 순위" }, options: ["x", "y", "z"].map(option) },
    { key: "line", type: "short_text", prompt: { ko: "한 줄" } },
    { key: "essay", type: "long_text", prompt: { ko: "긴 글" }, required: false },
  ],
});

const complete = {
  mood: 4,
  colour: "blue",
  days: ["mon", "wed"],
  top: ["c", "a"],
  order_all: ["z", "x", "y"],
  line: "안녕하세요",
  essay: "열심히 하겠습니다.",
};

const problemsOf = (input: Record<string, unknown>, mode: "draft" | "final" = "final") =>
  checkAnswers(everyType, input, mode).problems.map(({ question, code }) => `${question}:${code}`);

describe("checking answers by question type", () => {
  it("accepts a complete, well-formed answer sheet as final and keeps every answer", () => {
    expect(checkAnswers(everyType, complete, "final")).toEqual({ answers: complete, problems: [] });
  });

  it("likert: an integer from 1 to 5", () => {
    for (const mood of [1, 5]) expect(problemsOf({ ...complete, mood })).toEqual([]);
    for (const mood of [0, 6, 2.5]) expect(problemsOf({ ...complete, mood })).toEqual(["mood:likert_range"]);
    expect(problemsOf({ ...complete, mood: "4" })).toEqual(["mood:wrong_type"]);
  });

  it("single: one of the question's option keys", () => {
    expect(problemsOf({ ...complete, colour: "green" })).toEqual(["colour:unknown_option"]);
    expect(problemsOf({ ...complete, colour: ["blue"] })).toEqual(["colour:wrong_type"]);
  });

  it("multiple: distinct option keys, no more than `pick`", () => {
    expect(problemsOf({ ...complete, days: ["tue"] })).toEqual([]);
    expect(problemsOf({ ...complete, days: ["mon", "tue", "wed"] })).toEqual(["days:too_many"]);
    expect(
      checkAnswers(everyType, { ...complete, days: ["mon", "tue", "wed"] }, "final").problems[0],
    ).toEqual({
      question: "days",
      code: "too_many",
      params: { max: 2 },
    });
    expect(problemsOf({ ...complete, days: ["mon", "mon"] })).toEqual(["days:duplicate_option"]);
    expect(problemsOf({ ...complete, days: ["sun"] })).toEqual(["days:unknown_option"]);
  });

  it("ranked: exactly `pick` distinct option keys, or every option when there is no `pick`", () => {
    expect(problemsOf({ ...complete, top: ["c"] })).toEqual(["top:rank_count"]);
    expect(problemsOf({ ...complete, top: ["c", "a", "b"] })).toEqual(["top:rank_count"]);
    expect(problemsOf({ ...complete, top: ["c", "c"] })).toEqual(["top:duplicate_option"]);
    expect(problemsOf({ ...complete, top: ["c", "e"] })).toEqual(["top:unknown_option"]);
    expect(problemsOf({ ...complete, order_all: ["z", "x"] })).toEqual(["order_all:rank_count"]);
    expect(checkAnswers(everyType, { ...complete, order_all: ["z"] }, "final").problems[0]?.params).toEqual({
      count: 3,
    });
  });

  it("ranked drafts may leave places empty, and keep each choice in its place", () => {
    const draft = checkAnswers(everyType, { top: [null, "b"], order_all: ["x", "", ""] }, "draft");
    expect(draft).toEqual({ answers: { top: [null, "b"], order_all: ["x"] }, problems: [] });
    expect(problemsOf({ ...complete, top: [null, "b"] })).toEqual(["top:rank_count"]);
  });

  it("short text up to 200 characters, long text up to 4000, counted as characters", () => {
    expect(problemsOf({ ...complete, line: "가".repeat(200) })).toEqual([]);
    expect(problemsOf({ ...complete, line: "가".repeat(201) })).toEqual(["line:too_long"]);
    expect(problemsOf({ ...complete, essay: "😀".repeat(4000) })).toEqual([]);
    expect(problemsOf({ ...complete, essay: "a".repeat(4001) })).toEqual(["essay:too_long"]);
    expect(problemsOf({ ...complete, line: 7 })).toEqual(["line:wrong_type"]);
  });

  it("final answers must answer every required question; blank text and empty choices are unanswered", () => {
    expect(problemsOf({})).toEqual([
      "mood:required",
      "colour:required",
      "days:required",
      "top:required",
      "order_all:required",
      "line:required",
    ]);
    expect(problemsOf({ ...complete, line: "   ", days: [], colour: "" })).toEqual([
      "colour:required",
      "days:required",
      "line:required",
    ]);
    // The long text is optional.
    const { essay: _essay, ...withoutEssay } = complete;
    expect(problemsOf(withoutEssay)).toEqual([]);
  });

  it("a draft may be partial, keeps its well-formed answers, and names the malformed ones", () => {
    expect(checkAnswers(everyType, { mood: 3 }, "draft")).toEqual({ answers: { mood: 3 }, problems: [] });
    expect(checkAnswers(everyType, { mood: 3, colour: "green", line: "" }, "draft")).toEqual({
      answers: { mood: 3 },
      problems: [{ question: "colour", code: "unknown_option", params: {} }],
    });
  });

  it("names answers to questions the set does not have", () => {
    expect(problemsOf({ ...complete, shoe_size: 270 })).toEqual(["shoe_size:unknown_question"]);
  });
});

describe("diagnostic scores", () => {
  it("map the mean of a dimension's items from 1-5 onto 0-100, scoring reversed items as 6 − answer", () => {
    // digital_literacy: dl_ai 5, dl_sns 4, dl_video 3, dl_help (reversed) 2 → 4 ⇒ mean 4 ⇒ 75.
    // openness: op_listen 5, op_speak 2 ⇒ mean 3.5 ⇒ 62.5.
    const answers = { dl_ai: 5, dl_sns: 4, dl_video: 3, dl_help: 2, op_listen: 5, op_speak: 2 };
    expect(diagnosticScores(digital, answers)).toEqual({ digital_literacy: 75, openness: 62.5 });
  });

  it("reach 0 and 100 at the ends of the scale", () => {
    const lowest = { dl_ai: 1, dl_sns: 1, dl_video: 1, dl_help: 5, op_listen: 1, op_speak: 1 };
    const highest = { dl_ai: 5, dl_sns: 5, dl_video: 5, dl_help: 1, op_listen: 5, op_speak: 5 };
    expect(diagnosticScores(digital, lowest)).toEqual({ digital_literacy: 0, openness: 0 });
    expect(diagnosticScores(digital, highest)).toEqual({ digital_literacy: 100, openness: 100 });
  });

  it("round to one decimal", () => {
    // job_confidence: 4, 4, reversed 3 → 3 ⇒ mean 11/3 ⇒ 66.666… ⇒ 66.7.
    const adaptation = setOf(standard, "adaptation_diagnostic");
    expect(diagnosticScores(adaptation, { jc_tasks: 4, jc_documents: 4, jc_lost: 3 })).toEqual({
      job_confidence: 66.7,
    });
  });

  it("leave out dimensions with no answered item, and a survey without dimensions scores nothing", () => {
    expect(diagnosticScores(digital, { op_listen: 4 })).toEqual({ openness: 75 });
    expect(diagnosticScores(preSurvey, { communication_style: "mixed" })).toEqual({});
  });

  it("always lie between 0 and 100 with at most one decimal", () => {
    const likert = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(
        fc.record({ dl_ai: likert, dl_sns: likert, dl_video: likert, dl_help: likert }),
        (answers) => {
          const score = diagnosticScores(digital, answers).digital_literacy as number;
          return score >= 0 && score <= 100 && Math.abs(score * 10 - Math.round(score * 10)) < 1e-9;
        },
      ),
    );
  });

  it("measure a person's change from pre to post, on the dimensions scored at both", () => {
    const pre = { digital_literacy: 25, openness: 50 };
    const post = { digital_literacy: 62.5, openness: 50 };
    expect(scoreChange(pre, post)).toEqual({ digital_literacy: 37.5, openness: 0 });
    expect(scoreChange({ digital_literacy: 25 }, { openness: 50 })).toEqual({});
    // One decimal, without the floating-point noise of 66.7 − 33.3.
    expect(scoreChange({ openness: 33.3 }, { openness: 66.7 })).toEqual({ openness: 33.4 });
  });

  it("average over people per dimension", () => {
    expect(meanScores([{ openness: 50, digital_literacy: 10 }, { openness: 75 }])).toEqual({
      openness: { mean: 62.5, people: 2 },
      digital_literacy: { mean: 10, people: 1 },
    });
  });
});

describe("matching attributes", () => {
  it("flatten a person's answers and scores into '<set>.<question>' and '<set>.<dimension>'", () => {
    const attributes = matchingAttributes(reverse, [
      {
        questionSetKey: "pre_survey",
        answers: {
          interests: ["sns", "video", "data"],
          communication_style: "messenger",
          available_days: ["mon"],
        },
      },
      {
        questionSetKey: "digital_diagnostic",
        answers: { dl_ai: 5, dl_sns: 4, dl_video: 3, dl_help: 2, op_listen: 5, op_speak: 2 },
        scores: { digital_literacy: 75, openness: 62.5 },
      },
      { questionSetKey: "retired_set", answers: { anything: 1 } },
    ]);
    expect(attributes).toEqual({
      "pre_survey.interests": ["sns", "video", "data"],
      "pre_survey.communication_style": "messenger",
      "pre_survey.available_days": ["mon"],
      "digital_diagnostic.dl_ai": 5,
      "digital_diagnostic.dl_sns": 4,
      "digital_diagnostic.dl_video": 3,
      "digital_diagnostic.dl_help": 2,
      "digital_diagnostic.op_listen": 5,
      "digital_diagnostic.op_speak": 2,
      "digital_diagnostic.digital_literacy": 75,
      "digital_diagnostic.openness": 62.5,
    });
  });

  it("compute scores from the answers when a response carries none", () => {
    expect(
      matchingAttributes(reverse, [
        { questionSetKey: "digital_diagnostic", answers: { op_listen: 4 }, scores: null },
      ]),
    ).toEqual({ "digital_diagnostic.op_listen": 4, "digital_diagnostic.openness": 75 });
  });
});

describe("round dates", () => {
  const gangneung = scheduleFromOffsets(day("2025-01-22"), reverse.phases);
  const yongin = scheduleFromOffsets(day("2025-03-01"), standard.phases);

  it("pre rounds close when matching starts, or a week after orientation when matching is that day", () => {
    // Gangneung: orientation and matching both on 21 February.
    expect(gangneung.orientation).toBe("2025-02-21");
    expect(roundClosesOn(gangneung, "pre")).toBe("2025-02-28");
    // Yongin: matching the day after orientation.
    expect(roundClosesOn(yongin, "pre")).toBe(yongin.matching);
  });

  it("post rounds close when evaluation ends", () => {
    expect(roundClosesOn(gangneung, "post")).toBe(gangneung.evaluationEnd);
  });

  it("the clock closes a round the day after its last day, unless that day had passed when it opened", () => {
    const round = { opensOn: day("2025-02-21"), closesOn: day("2025-02-28"), closed: false };
    expect(roundClosesByDate(round, day("2025-02-28"))).toBe(false);
    expect(roundClosesByDate(round, day("2025-03-01"))).toBe(true);
    expect(roundClosesByDate({ ...round, closed: true }, day("2025-03-01"))).toBe(false);
    const setUpLate = { opensOn: day("2025-06-01"), closesOn: day("2025-02-28"), closed: false };
    expect(roundClosesByDate(setUpLate, day("2025-06-10"))).toBe(false);
  });

  it("a round opened on time takes answers from that day to the phase's last day", () => {
    expect(roundWindow(gangneung, "pre", day("2025-02-21"))).toEqual({
      opensOn: "2025-02-21",
      closesOn: "2025-02-28",
    });
    // Opened on its last day: a window of one day, not a closed one.
    expect(roundWindow(gangneung, "pre", day("2025-02-28"))).toEqual({
      opensOn: "2025-02-28",
      closesOn: "2025-02-28",
    });
  });

  it("a round opened after its planned last day (a cohort set up late) takes answers for a week from that day", () => {
    expect(roundWindow(gangneung, "pre", day("2025-06-01"))).toEqual({
      opensOn: "2025-06-01",
      closesOn: "2025-06-08",
    });
    expect(roundWindow(gangneung, "post", addDays(gangneung.evaluationEnd, 1))).toEqual({
      opensOn: addDays(gangneung.evaluationEnd, 1),
      closesOn: addDays(gangneung.evaluationEnd, 8),
    });
  });

  it("never opens a round whose window closes before it opens, whatever day it is opened on", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.constantFrom("pre" as const, "post" as const),
        (offset, phase) => {
          const today = addDays(gangneung.orientation, offset);
          const { opensOn, closesOn } = roundWindow(gangneung, phase, today);
          return opensOn === today && compareCalendarDates(closesOn, opensOn) >= 0;
        },
      ),
    );
  });

  it("a round's last day has passed the day after it, and not before", () => {
    expect(roundPastLastDay({ closesOn: day("2025-02-28") }, day("2025-02-28"))).toBe(false);
    expect(roundPastLastDay({ closesOn: day("2025-02-28") }, day("2025-03-01"))).toBe(true);
  });

  it("reminders come three days after the invitation, then at most every three days, once a day", () => {
    const round = {
      opensOn: day("2025-02-21"),
      closesOn: day("2025-02-28"),
      closed: false,
      lastRemindedOn: null,
    };
    expect(reminderDue(round, day("2025-02-21"))).toBe(false);
    expect(reminderDue(round, day("2025-02-23"))).toBe(false);
    expect(reminderDue(round, day("2025-02-24"))).toBe(true);
    const reminded = { ...round, lastRemindedOn: day("2025-02-24") };
    expect(reminderDue(reminded, day("2025-02-24"))).toBe(false);
    expect(reminderDue(reminded, day("2025-02-26"))).toBe(false);
    expect(reminderDue(reminded, day("2025-02-27"))).toBe(true);
    expect(reminderDue({ ...round, closed: true }, day("2025-02-25"))).toBe(false);
    expect(reminderDue(round, day("2025-03-01"))).toBe(false);
  });
});

describe("completion", () => {
  it("a participant has not started, has a draft in progress, or has submitted", () => {
    expect(responseStatus(null)).toBe("not_started");
    expect(responseStatus({ submittedAt: null })).toBe("in_progress");
    expect(responseStatus({ submittedAt: new Date("2025-02-21T05:00:00Z") })).toBe("submitted");
  });

  it("is a whole percentage, and reads 100% only when everyone has submitted", () => {
    expect(completionPercent(40, 40)).toBe(100);
    expect(completionPercent(199, 200)).toBe(99);
    expect(completionPercent(2, 3)).toBe(66);
    expect(completionPercent(0, 0)).toBe(0);
  });
});
