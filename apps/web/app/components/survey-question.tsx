import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProblemView, QuestionView } from "../presenters/survey-answer.server";

/*
 * One survey question as a participant answers it: the survey page's form, and a template's preview of
 * it. Answers travel in form fields named "q.<question>" ("q.<question>.<place>" for a ranked question's
 * places), so that no question key can collide with the form's own fields (csrf, intent).
 */

const answerField = (question: string) => `q.${question}`;
const rankField = (question: string, place: number) => `q.${question}.${place}`;

export type Answer = number | string | (string | null)[] | undefined;
/** A likert answer: checked to lie in LIKERT_MIN–LIKERT_MAX (1–5) before it is saved. */
export type LikertValue = 1 | 2 | 3 | 4 | 5;

/**
 * The id of a question's field (what an error summary links to). `prefix` tells apart the questions of
 * several sets on one page (a preview) whose keys may be the same.
 */
export const questionId = (key: string, prefix = "q-") => `${prefix}${key}`;
const charCount = (text: string) => [...text].length;

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="question__mark">
      {" ("}
      {t(required ? "surveys.respond.required" : "surveys.respond.optional")}
      {")"}
    </span>
  );
}

function ProblemText({ id, problem }: { id: string; problem: ProblemView | undefined }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p id={id} className="field__error">
      {t(`surveys.problem.${problem.code}`, problem.params)}
    </p>
  );
}

export function QuestionField({
  question,
  answer,
  problem,
  idPrefix,
}: {
  question: QuestionView;
  answer: Answer;
  problem: ProblemView | undefined;
  /** Of the ids of its fields, when one page shows questions of several sets (questionId). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const id = questionId(question.key, idPrefix);
  const name = answerField(question.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = (hint: boolean) =>
    [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(" ") || undefined;

  if (question.type === "short_text" || question.type === "long_text") {
    return (
      <TextQuestion
        question={question}
        id={id}
        name={name}
        answer={typeof answer === "string" ? answer : ""}
        describedBy={describedBy(true)}
        problem={problem}
        errorId={errorId}
        hintId={hintId}
      />
    );
  }

  let hint: string;
  let body: ReactNode;
  switch (question.type) {
    case "likert":
      hint = t("surveys.respond.likertScale");
      body = (
        <ul className="choice-list choice-list--scale">
          {([1, 2, 3, 4, 5] as const).map((value) => (
            <li key={value}>
              <label>
                <input type="radio" name={name} value={value} defaultChecked={answer === value} />{" "}
                <span className="likert__value" aria-hidden="true">
                  {value}
                </span>{" "}
                <span>{t(`surveys.respond.likert.${value}`)}</span>
              </label>
            </li>
          ))}
        </ul>
      );
      break;
    case "single":
    case "multiple": {
      const multiple = question.type === "multiple";
      const chosen = Array.isArray(answer) ? answer : [answer];
      hint = multiple
        ? question.pick
          ? t("surveys.respond.multipleMax", { max: question.pick })
          : t("surveys.respond.multipleAny")
        : "";
      body = (
        <ul className="choice-list">
          {question.options.map((option) => (
            <li key={option.key}>
              <label>
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={option.key}
                  defaultChecked={chosen.includes(option.key)}
                />{" "}
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      );
      break;
    }
    case "ranked": {
      const places = question.pick ?? question.options.length;
      const ranking = Array.isArray(answer) ? answer : [];
      hint = t("surveys.respond.rankedHint", { count: places });
      body = (
        <div className="rank-list">
          {Array.from({ length: places }, (_, index) => {
            const place = index + 1;
            const selectId = `${id}-${place}`;
            return (
              <div className="field" key={place}>
                <label htmlFor={selectId}>{t("surveys.respond.rank", { rank: place })}</label>
                <select
                  id={selectId}
                  name={rankField(question.key, place)}
                  defaultValue={ranking[index] ?? ""}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={describedBy(true)}
                >
                  <option value="">{t("surveys.respond.choose")}</option>
                  {question.options.map((option) => (
                    <option key={option.key} value={option.key}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      );
      break;
    }
  }
  return (
    <fieldset id={id} className="question" aria-describedby={describedBy(hint !== "")}>
      <legend>
        {question.prompt}
        <RequiredMark required={question.required} />
      </legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {body}
      <ProblemText id={errorId} problem={problem} />
    </fieldset>
  );
}

function TextQuestion({
  question,
  id,
  name,
  answer,
  describedBy,
  problem,
  errorId,
  hintId,
}: {
  question: QuestionView;
  id: string;
  name: string;
  answer: string;
  describedBy: string | undefined;
  problem: ProblemView | undefined;
  errorId: string;
  hintId: string;
}) {
  const { t } = useTranslation();
  const [count, setCount] = useState(charCount(answer));
  const max = question.maxLength ?? 0;
  const common = {
    id,
    name,
    defaultValue: answer,
    maxLength: max,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="field question">
      <label htmlFor={id}>
        {question.prompt}
        <RequiredMark required={question.required} />
      </label>
      <p id={hintId} className="field__hint">
        {question.type === "long_text"
          ? t("surveys.respond.charCount", { count, max })
          : t("surveys.respond.maxChars", { max })}
      </p>
      {question.type === "long_text" ? (
        <textarea {...common} rows={6} onInput={(event) => setCount(charCount(event.currentTarget.value))} />
      ) : (
        <input type="text" {...common} />
      )}
      <ProblemText id={errorId} problem={problem} />
    </div>
  );
}
