/*
 * What an evaluator may save of a team's evaluation: a score and a comment per criterion the evaluators
 * score (a computed criterion's score comes from the program's records, never from a person). A draft may
 * leave scores out; a submission needs every one. Pure: the use cases store nothing when a problem is found.
 */

/** The longest comment on one criterion, in characters. */
export const EVALUATION_COMMENT_MAX = 2_000;

/** A criterion the evaluators score, on integers 0..scaleMax. */
export interface EvaluatorCriterion {
  key: string;
  scaleMax: number;
}

/** What an evaluator gives one criterion; a score left out (or null) is not given yet. */
export interface EvaluationEntry {
  score?: number | null;
  comment?: string;
}

export type EvaluationInputCode =
  | "evaluation.score_out_of_scale"
  | "evaluation.score_not_scored"
  | "evaluation.score_missing"
  | "evaluation.comment_too_long"
  | "evaluation.comment_control_characters";

/** One refused field: `scores.<key>` or `comments.<key>`, with the values its message names. */
export interface EvaluationInputProblem {
  path: string;
  code: EvaluationInputCode;
  params: Record<string, string | number>;
}

// NUL and every other control character except tab, line feed and carriage return (a textarea's lines),
// and the C1 controls: invisible, and some break exports and PDFs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The comment as stored: trimmed, line breaks as "\n". */
export function normalisedComment(comment: string | undefined): string {
  return (comment ?? "").replace(/\r\n?/g, "\n").trim();
}

/**
 * Every problem with a draft's entries, in the rubric's order then the unknown keys': a score must be a
 * whole number from 0 to the criterion's scale, and only on a criterion the evaluators score; a comment at
 * most EVALUATION_COMMENT_MAX characters with no control characters. Nothing is missing in a draft.
 */
export function evaluationDraftProblems(
  criteria: readonly EvaluatorCriterion[],
  entries: Readonly<Record<string, EvaluationEntry>>,
): EvaluationInputProblem[] {
  const problems: EvaluationInputProblem[] = [];
  const known = new Map(criteria.map((criterion) => [criterion.key, criterion]));
  const keys = [
    ...criteria.map((criterion) => criterion.key).filter((key) => Object.hasOwn(entries, key)),
    ...Object.keys(entries).filter((key) => !known.has(key)),
  ];
  for (const key of keys) {
    const entry = entries[key] ?? {};
    const criterion = known.get(key);
    const score = entry.score;
    if (!criterion) {
      // A computed criterion, or one the rubric does not have: nothing of it can be saved.
      problems.push({ path: `scores.${key}`, code: "evaluation.score_not_scored", params: { key } });
      continue;
    }
    if (score !== undefined && score !== null) {
      if (!Number.isInteger(score) || score < 0 || score > criterion.scaleMax)
        problems.push({
          path: `scores.${key}`,
          code: "evaluation.score_out_of_scale",
          params: { max: criterion.scaleMax },
        });
    }
    const comment = normalisedComment(entry.comment);
    if (CONTROL.test(comment))
      problems.push({ path: `comments.${key}`, code: "evaluation.comment_control_characters", params: {} });
    else if ([...comment].length > EVALUATION_COMMENT_MAX)
      problems.push({
        path: `comments.${key}`,
        code: "evaluation.comment_too_long",
        params: { max: EVALUATION_COMMENT_MAX },
      });
  }
  return problems;
}

/** The criteria the evaluators score that have no score yet: a submission needs none missing. */
export function missingScores(
  criteria: readonly EvaluatorCriterion[],
  scores: Readonly<Record<string, number | null | undefined>>,
): EvaluationInputProblem[] {
  return criteria
    .filter((criterion) => scores[criterion.key] === undefined || scores[criterion.key] === null)
    .map((criterion) => ({
      path: `scores.${criterion.key}`,
      code: "evaluation.score_missing" as const,
      params: {},
    }));
}
