import {
  type AnswerProblem,
  type AnswerProblemCode,
  LONG_TEXT_MAX,
  localize,
  type Question,
  rankPlaces,
  SHORT_TEXT_MAX,
  type SurveyAnswers,
} from "@mentoring/domain";
import type { ParticipantRound } from "@mentoring/programs";
import { formatClock, formatDateTime } from "../services/format.server";

/* One survey round as its participant answers it: questions in their language, times worded. */

export interface QuestionView {
  key: string;
  type: Question["type"];
  prompt: string;
  required: boolean;
  options: { key: string; label: string }[];
  /** multiple: the most that may be chosen; ranked: how many places. */
  pick: number | null;
  /** short and long text: the most characters. */
  maxLength: number | null;
}

/** A question as its participant reads it, in their language. */
export function questionView(question: Question, locale: string): QuestionView {
  return {
    key: question.key,
    type: question.type,
    prompt: localize(question.prompt, locale),
    required: question.required,
    options: question.options.map((option) => ({ key: option.key, label: localize(option.label, locale) })),
    pick: question.type === "ranked" ? rankPlaces(question) : (question.pick ?? null),
    maxLength:
      question.type === "short_text" ? SHORT_TEXT_MAX : question.type === "long_text" ? LONG_TEXT_MAX : null,
  };
}

export interface ProblemView {
  question: string;
  code: AnswerProblemCode;
  params: Record<string, number>;
}

export const presentProblems = (problems: AnswerProblem[]): ProblemView[] =>
  problems.map(({ question, code, params }) => ({ question, code, params }));

/** The round, its questions and the participant's answers, and where they stand (saved, submitted). */
export function presentParticipantRound(found: ParticipantRound, locale: string, timeZone: string) {
  const { response } = found;
  return {
    roundId: found.round.id,
    cohortTitle: found.cohort.title,
    title: localize(found.set.title, locale),
    phase: found.round.phase,
    closesOn: found.round.closesOn,
    closed: found.round.closed,
    questions: found.set.questions.map((question) => questionView(question, locale)),
    answers: (response?.answers ?? {}) as SurveyAnswers,
    submittedAt: response?.submittedAt ? formatDateTime(response.submittedAt, locale, timeZone) : null,
    savedAt: response && !response.submittedAt ? formatClock(response.savedAt, locale, timeZone) : null,
  };
}

/** A draft saved: when, as a time of day, and the answers it could not keep. */
export function presentSaved(
  saved: { savedAt: Date; problems: AnswerProblem[] },
  locale: string,
  timeZone: string,
) {
  return { savedAt: formatClock(saved.savedAt, locale, timeZone), problems: presentProblems(saved.problems) };
}
