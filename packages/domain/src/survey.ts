import { addDays, type CalendarDate, compareCalendarDates, daysBetween } from "./calendar-date";
import type { CohortSchedule } from "./cohort-schedule";
import { closesBeforeOpens } from "./date-window";
import type { Question, QuestionSet, SurveyPhase, TemplateDefinition } from "./program-template";

/**
 * Survey answers, keyed by question key. The shape of each value follows the question's type:
 * - likert: an integer 1-5;
 * - single: one option key;
 * - multiple: distinct option keys, at most `pick` of them;
 * - ranked: option keys in order of preference, first choice first. A final answer ranks exactly `pick`
 *   (every option when `pick` is absent); a draft may leave places empty (null), so that what a person has
 *   chosen so far stays in the place they chose it for;
 * - short_text (≤ 200 characters) and long_text (≤ 4000): the text as written.
 * A question that is not answered has no key: empty text, an empty selection or an empty ranking are
 * the same as no answer.
 */
export type SurveyAnswer = number | string | string[] | (string | null)[];
export type SurveyAnswers = Record<string, SurveyAnswer>;

/** Diagnostic scores per dimension key, each 0-100 with one decimal. */
export type DimensionScores = Record<string, number>;

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;

/** Why an answer is not accepted; the web words each as `surveys.problem.<code>`. */
export const answerProblemCodes = [
  "required",
  "unknown_question",
  "wrong_type",
  "likert_range",
  "unknown_option",
  "duplicate_option",
  "too_many",
  "rank_count",
  "too_long",
] as const;
export type AnswerProblemCode = (typeof answerProblemCodes)[number];

export interface AnswerProblem {
  /** The question's key: the web links the message to that question. */
  question: string;
  code: AnswerProblemCode;
  params: Record<string, number>;
}

export type AnswerMode = "draft" | "final";

export interface AnswerCheck {
  /** The well-formed answers, normalised (unanswered questions left out). */
  answers: SurveyAnswers;
  /** Empty when every answer is well-formed and, for a final check, every required question answered. */
  problems: AnswerProblem[];
}

/** Text length as a person counts it: characters (code points), not UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length;
}

/** How many places a ranked question has: `pick`, or every option. */
export function rankPlaces(question: Question): number {
  return question.pick ?? question.options.length;
}

type Checked =
  | { answer: SurveyAnswer }
  | { empty: true }
  | { problem: AnswerProblemCode; params?: Record<string, number> };

function checkOne(question: Question, value: unknown, mode: AnswerMode): Checked {
  if (value === undefined || value === null) return { empty: true };
  const optionKeys = new Set(question.options.map((option) => option.key));
  switch (question.type) {
    case "likert": {
      if (typeof value !== "number") return { problem: "wrong_type" };
      if (!Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX)
        return { problem: "likert_range", params: { min: LIKERT_MIN, max: LIKERT_MAX } };
      return { answer: value };
    }
    case "single": {
      if (typeof value !== "string") return { problem: "wrong_type" };
      if (value === "") return { empty: true };
      return optionKeys.has(value) ? { answer: value } : { problem: "unknown_option" };
    }
    case "multiple": {
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string"))
        return { problem: "wrong_type" };
      if (value.length === 0) return { empty: true };
      if (!value.every((item) => optionKeys.has(item))) return { problem: "unknown_option" };
      if (new Set(value).size !== value.length) return { problem: "duplicate_option" };
      if (question.pick !== undefined && value.length > question.pick)
        return { problem: "too_many", params: { max: question.pick } };
      return { answer: [...value] };
    }
    case "ranked": {
      if (!Array.isArray(value) || !value.every((item) => item === null || typeof item === "string"))
        return { problem: "wrong_type" };
      const places = rankPlaces(question);
      // An empty string is an empty place, as a select left on its placeholder sends it.
      const ranking = value.map((item) => (item === "" ? null : item));
      while (ranking.length > 0 && ranking[ranking.length - 1] === null) ranking.pop();
      if (ranking.length === 0) return { empty: true };
      const chosen = ranking.filter((item): item is string => item !== null);
      if (!chosen.every((item) => optionKeys.has(item))) return { problem: "unknown_option" };
      if (new Set(chosen).size !== chosen.length) return { problem: "duplicate_option" };
      if (ranking.length > places || (mode === "final" && chosen.length !== places))
        return { problem: "rank_count", params: { count: places } };
      return { answer: ranking };
    }
    case "short_text":
    case "long_text": {
      if (typeof value !== "string") return { problem: "wrong_type" };
      if (value.trim() === "") return { empty: true };
      const max = question.type === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      return textLength(value) > max ? { problem: "too_long", params: { max } } : { answer: value };
    }
  }
}

/**
 * Checks answers to a question set. A draft may be partial, but each answer it gives must be well-formed;
 * a final answer sheet must also answer every required question. Returns the well-formed answers either
 * way, so that a draft keeps what is right while the person fixes the rest.
 */
export function checkAnswers(
  set: QuestionSet,
  input: Record<string, unknown>,
  mode: AnswerMode,
): AnswerCheck {
  const answers: SurveyAnswers = {};
  const problems: AnswerProblem[] = [];
  const known = new Set(set.questions.map((question) => question.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.push({ question: key, code: "unknown_question", params: {} });
  }
  for (const question of set.questions) {
    const result = checkOne(question, input[question.key], mode);
    if ("answer" in result) answers[question.key] = result.answer;
    else if ("problem" in result)
      problems.push({ question: question.key, code: result.problem, params: result.params ?? {} });
    else if (mode === "final" && question.required)
      problems.push({ question: question.key, code: "required", params: {} });
  }
  return { answers, problems };
}

/** A mean of 1-5 answers on the 0-100 scale (1 → 0, 5 → 100), rounded to one decimal. */
function likertScore(sum: number, count: number): number {
  // (mean − 1) × 25, kept in integers until the last step so that halves round the same way everywhere.
  return Math.round(((sum - count) * 250) / count) / 10;
}

/**
 * Diagnostic scores: per dimension, the mean of its answered likert items (a reversed item counts as
 * 6 − answer) on a 0-100 scale with one decimal. A dimension with no answered item has no score.
 */
export function diagnosticScores(set: QuestionSet, answers: SurveyAnswers): DimensionScores {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const question of set.questions) {
    if (question.type !== "likert" || question.dimension === undefined) continue;
    const answer = answers[question.key];
    if (typeof answer !== "number") continue;
    const value = question.reversed ? LIKERT_MIN + LIKERT_MAX - answer : answer;
    const total = totals.get(question.dimension) ?? { sum: 0, count: 0 };
    totals.set(question.dimension, { sum: total.sum + value, count: total.count + 1 });
  }
  const scores: DimensionScores = {};
  for (const dimension of set.dimensions) {
    const total = totals.get(dimension.key);
    if (total) scores[dimension.key] = likertScore(total.sum, total.count);
  }
  return scores;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * A person's change per dimension from pre to post (post − pre), for dimensions scored at both. A team's or a
 * cohort's change, with its spread and what may be claimed from it, is outcomes.ts's pairedChange.
 */
export function scoreChange(pre: DimensionScores, post: DimensionScores): DimensionScores {
  const change: DimensionScores = {};
  for (const [dimension, before] of Object.entries(pre)) {
    const after = post[dimension];
    if (after !== undefined) change[dimension] = oneDecimal(after - before);
  }
  return change;
}

/** The mean score per dimension over several people's scores (one decimal), with how many were scored. */
export function meanScores(scores: DimensionScores[]): Record<string, { mean: number; people: number }> {
  const totals = new Map<string, { sum: number; people: number }>();
  for (const person of scores) {
    for (const [dimension, score] of Object.entries(person)) {
      const total = totals.get(dimension) ?? { sum: 0, people: 0 };
      totals.set(dimension, { sum: total.sum + score, people: total.people + 1 });
    }
  }
  return Object.fromEntries(
    [...totals].map(([dimension, { sum, people }]) => [
      dimension,
      { mean: oneDecimal(sum / people), people },
    ]),
  );
}

export type MatchingAttributeValue = number | string | string[];

/**
 * What the matching engine reads about one person, from their submitted responses: a flat map
 *   "<set>.<question>"  → the answer: likert 1-5 (number), single (option key), multiple (option keys),
 *                         ranked (option keys, first choice first), short/long text (string);
 *   "<set>.<dimension>" → the diagnostic score of that dimension, 0-100 (number).
 * e.g. { "pre_survey.interests": ["generative_ai", "sns", "video"], "pre_survey.communication_style":
 * "messenger", "digital_diagnostic.dl_ai": 4, "digital_diagnostic.digital_literacy": 62.5 }.
 * Unanswered questions and unscored dimensions are absent. Responses to sets the definition does not have,
 * and answers to questions it does not have, are ignored; scores are computed from the answers when a
 * response carries none. Should a dimension share its key with a question of the same set, the score wins.
 */
export function matchingAttributes(
  definition: Pick<TemplateDefinition, "questionSets">,
  responses: { questionSetKey: string; answers: SurveyAnswers; scores?: DimensionScores | null }[],
): Record<string, MatchingAttributeValue> {
  const attributes: Record<string, MatchingAttributeValue> = {};
  for (const response of responses) {
    const set = definition.questionSets.find((candidate) => candidate.key === response.questionSetKey);
    if (!set) continue;
    for (const question of set.questions) {
      const answer = response.answers[question.key];
      if (answer === undefined) continue;
      attributes[`${set.key}.${question.key}`] = Array.isArray(answer)
        ? (answer as (string | null)[]).filter((item): item is string => item !== null)
        : answer;
    }
    const scores = response.scores ?? diagnosticScores(set, response.answers);
    for (const dimension of set.dimensions) {
      const score = scores[dimension.key];
      if (score !== undefined) attributes[`${set.key}.${dimension.key}`] = score;
    }
  }
  return attributes;
}

/**
 * The last day to answer a round opened for `phase`: pre-surveys until matching starts (or a week after
 * orientation when matching is that same day or earlier), post-surveys until evaluation ends.
 */
export function roundClosesOn(schedule: CohortSchedule, phase: SurveyPhase): CalendarDate {
  if (phase === "post") return schedule.evaluationEnd;
  return compareCalendarDates(schedule.matching, schedule.orientation) > 0
    ? schedule.matching
    : addDays(schedule.orientation, 7);
}

/** How long a round opened after its planned last day (a cohort set up late) takes answers: a week. */
export const LATE_ROUND_DAYS = 7;

/**
 * The days a round opened on `today` for `phase` takes answers: from today to the phase's last day
 * (roundClosesOn), or, when that day has already passed (a cohort set up late), for a week from today. A
 * round's window never closes before it opens, and its invitation never names a day that has passed.
 */
export function roundWindow(
  schedule: CohortSchedule,
  phase: SurveyPhase,
  today: CalendarDate,
): { opensOn: CalendarDate; closesOn: CalendarDate } {
  const planned = roundClosesOn(schedule, phase);
  const closesOn = compareCalendarDates(planned, today) < 0 ? addDays(today, LATE_ROUND_DAYS) : planned;
  return { opensOn: today, closesOn };
}

/**
 * Whether a round's last day has passed on `today`: no one is told to answer it any more (a reminder would
 * name a day gone by), whether or not the clock has closed it yet.
 */
export function roundPastLastDay(round: { closesOn: CalendarDate }, today: CalendarDate): boolean {
  return compareCalendarDates(today, round.closesOn) > 0;
}

/**
 * Whether the clock closes a round today: it is open, its last day has passed, and that day had not
 * already passed when the round opened (a cohort set up late is closed by its coordinator, not the clock).
 */
export function roundClosesByDate(
  round: { opensOn: CalendarDate; closesOn: CalendarDate; closed: boolean },
  today: CalendarDate,
): boolean {
  return (
    !round.closed &&
    compareCalendarDates(round.closesOn, today) < 0 &&
    !closesBeforeOpens({ opens: round.opensOn, closes: round.closesOn })
  );
}

export const REMINDER_INTERVAL_DAYS = 3;

/**
 * Whether the daily run reminds a round's participants today: the round is open and not past its last
 * day, and at least three days have gone by since they were last written to (the invitation on the day it
 * opened, or the last reminder). The same day twice reminds once.
 */
export function reminderDue(
  round: {
    opensOn: CalendarDate;
    closesOn: CalendarDate;
    closed: boolean;
    lastRemindedOn: CalendarDate | null;
  },
  today: CalendarDate,
): boolean {
  if (round.closed || compareCalendarDates(today, round.closesOn) > 0) return false;
  const last =
    round.lastRemindedOn && compareCalendarDates(round.lastRemindedOn, round.opensOn) > 0
      ? round.lastRemindedOn
      : round.opensOn;
  return daysBetween(last, today) >= REMINDER_INTERVAL_DAYS;
}

export type ResponseStatus = "not_started" | "in_progress" | "submitted";

/** A participant's progress on a round: no response yet, a draft saved, or submitted. */
export function responseStatus(response: { submittedAt: Date | null } | null | undefined): ResponseStatus {
  if (!response) return "not_started";
  return response.submittedAt ? "submitted" : "in_progress";
}

/** Completion as a whole percentage, rounded down: 100% only when everyone has submitted. */
export function completionPercent(submitted: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.floor((Math.min(submitted, expected) * 100) / expected);
}
