import type { TenantDb } from "@mentoring/db";
import { type QuestionSet, rankPlaces } from "@mentoring/domain";
import { getParticipantRound, saveDraft, submitResponse } from "@mentoring/programs";
import { redirect } from "@remix-run/node";
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { pageTitle } from "../components/page-title";
import { type Answer, type LikertValue, QuestionField, questionId } from "../components/survey-question";
import {
  type ProblemView,
  presentParticipantRound,
  presentProblems,
  presentSaved,
  type QuestionView,
} from "../presenters/survey-answer.server";
import { tenantAccessState } from "../services/billing-access.server";
import { notFound } from "../services/guard.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { roundParams } from "../services/route-params";

export const handle = pageTitle<typeof loader>((_t, data) => data.title);

/** The answers in a posted form ("q" as conform nests it), typed per question; the domain then checks them. */
function answersFromForm(set: QuestionSet, posted: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  for (const question of set.questions) {
    const value = posted[question.key];
    switch (question.type) {
      case "likert": {
        const chosen = text(value);
        if (chosen) answers[question.key] = /^\d+$/.test(chosen) ? Number(chosen) : chosen;
        break;
      }
      case "single":
      case "short_text":
      case "long_text": {
        const typed = text(value);
        // Textareas send line breaks as CR LF; the answer keeps them as the person sees them.
        if (typed !== undefined) answers[question.key] = typed.replace(/\r\n/g, "\n");
        break;
      }
      case "multiple":
        // One box ticked arrives as a value, several as a list, none not at all.
        answers[question.key] = (Array.isArray(value) ? value : [value]).filter(
          (chosen): chosen is string => typeof chosen === "string",
        );
        break;
      case "ranked": {
        // The places arrive keyed by their number ("1", "2", ...).
        const places = (value ?? {}) as Record<string, unknown>;
        answers[question.key] = Array.from(
          { length: rankPlaces(question) },
          (_, index) => text(places[String(index + 1)]) ?? "",
        );
        break;
      }
    }
  }
  return answers;
}

/** One survey round for its participant: answer (saved as they go), submit once, then read back. */
export const loader = tenantLoader(
  { permission: "surveys.respond", params: roundParams },
  async ({ params, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw notFound();
    const found = await withTenant((db) =>
      getParticipantRound(db, { tenantId: tenant.id, roundId: params.roundId, staffMemberId }),
    );
    // A read-only tenant (billing) takes no answers: the form would only be refused as the person types.
    const readOnly = tenantAccessState(tenant, new Date()).readOnly;
    return {
      ...presentParticipantRound(found, locale, tenant.timeZone),
      readOnly,
      base: `/${tenant.slug}/surveys`,
    };
  },
);

const answerForm = z.object({
  intent: z.enum(["autosave", "save", "submit"]),
  /** The answers, read against the round's questions: which they are depends on the round. */
  q: z.record(z.unknown()).optional(),
});

/** Saves a draft (autosave, "save") or submits; autosave posts here too, through a fetcher. */
export const action = tenantAction(
  { permission: "surveys.respond", params: roundParams, form: answerForm },
  async ({ params, form, tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw notFound();
    const { intent } = form;
    const round = { tenantId: tenant.id, roundId: params.roundId, staffMemberId };
    const answersOf = async (db: TenantDb) =>
      answersFromForm((await getParticipantRound(db, round)).set, form.q ?? {});
    if (intent === "submit") {
      const { answers, result } = await withTenant(async (db) => {
        const answers = await answersOf(db);
        return { answers, result: await submitResponse(db, { ...round, answers, now: new Date() }) };
      });
      // Submitted: the page reloads to show the answers as they were sent.
      if (result.submitted) throw redirect(`/${tenant.slug}/surveys/${params.roundId}`);
      return { intent, problems: presentProblems(result.problems), answers };
    }
    const saved = await withTenant(async (db) => saveDraft(db, { ...round, answers: await answersOf(db) }));
    return { intent, ...presentSaved(saved, locale, tenant.timeZone) };
  },
);

/**
 * An autosave changes nothing the page shows but its status line: no need to load the page again. A
 * refusal comes from a change made elsewhere (submitted in another tab, the round closed): load the page
 * again so that it shows it.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  actionStatus,
  defaultShouldRevalidate,
}) => {
  if (actionStatus !== undefined && actionStatus >= 400) return true;
  if (formData?.get("intent") === "autosave") return false;
  return defaultShouldRevalidate;
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const AUTOSAVE_DELAY_MS = 800;

export default function AnswerRound() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  // A refusal (already submitted, closed meanwhile) is shown whatever state the page is in.
  const refusal = isRefusal(result) ? (result.error?.[""]?.[0] ?? null) : null;
  return (
    <>
      <h1>{data.title}</h1>
      <p className="survey-meta">
        <span>{data.cohortTitle}</span> <span aria-hidden="true">·</span>{" "}
        <span>{t(`surveys.phase.${data.phase}`)}</span>
      </p>
      {refusal ? (
        <p role="alert" className="form-error">
          {refusal}
        </p>
      ) : null}
      {data.submittedAt ? (
        <Submitted data={data} submittedAt={data.submittedAt} />
      ) : data.closed || data.readOnly ? (
        <>
          <p role="status" className="form-status">
            {t(data.closed ? "surveys.respond.closed" : "error.readOnly")}
          </p>
          <AnswerList questions={data.questions} answers={data.answers} />
        </>
      ) : (
        <AnswerForm data={data} />
      )}
      <p>
        <Link to={data.base}>{t("surveys.respond.back")}</Link>
      </p>
    </>
  );
}

function Submitted({ data, submittedAt }: { data: LoaderData; submittedAt: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" className="form-status">
        <p>
          <strong>{t("surveys.respond.submitted")}</strong>
        </p>
        <p>{t("surveys.respond.submittedAt", { time: submittedAt })}</p>
      </div>
      <AnswerList questions={data.questions} answers={data.answers} />
    </>
  );
}

/** The answers read back, as text. */
function AnswerList({ questions, answers }: { questions: QuestionView[]; answers: Record<string, unknown> }) {
  const { t } = useTranslation();
  const label = (question: QuestionView, key: string | null) =>
    question.options.find((option) => option.key === key)?.label ?? key ?? "";
  const shown = (question: QuestionView): ReactNode => {
    const answer = answers[question.key] as Answer;
    if (answer === undefined) return t("surveys.respond.noAnswer");
    switch (question.type) {
      case "likert":
        return t(`surveys.respond.likert.${answer as LikertValue}`);
      case "single":
        return label(question, answer as string);
      case "multiple":
        return (answer as string[]).map((key) => label(question, key)).join(", ");
      case "ranked":
        return (
          <ol>
            {(answer as (string | null)[]).map((key, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a ranking's places are its positions
              <li key={index}>{key ? label(question, key) : t("surveys.respond.noAnswer")}</li>
            ))}
          </ol>
        );
      default:
        return <span className="answer-text">{answer as string}</span>;
    }
  };
  return (
    <dl className="answer-list">
      {questions.map((question) => (
        <div key={question.key}>
          <dt>{question.prompt}</dt>
          <dd>{shown(question)}</dd>
        </div>
      ))}
    </dl>
  );
}

function AnswerForm({ data }: { data: LoaderData }) {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const fetcher = useFetcher<typeof action>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const outcome = isRefusal(result) ? undefined : result;
  // After a submission with problems the form shows what was sent, so that nothing typed is lost.
  const submitted = outcome?.intent === "submit" ? outcome : null;
  const saved = outcome && "savedAt" in outcome ? outcome : null;
  const answers = (submitted?.answers ?? data.answers) as Record<string, Answer>;
  const autosaved = isRefusal(fetcher.data) ? undefined : fetcher.data;

  const problems = new Map<string, ProblemView>();
  for (const source of [submitted, saved, autosaved]) {
    if (source) for (const problem of source.problems) problems.set(problem.question, problem);
  }
  const submitProblems = submitted?.problems ?? [];

  useEffect(() => {
    if (submitProblems.length > 0) summaryRef.current?.focus();
  }, [submitProblems.length]);

  const autosaveForm = () => {
    const form = new FormData(formRef.current ?? undefined);
    form.set("intent", "autosave");
    return form;
  };
  // While the form is being saved or submitted it carries every answer: an autosave then would only race
  // it (and, reaching the server after a submission, be refused as "already submitted").
  const submitting = useRef(false);
  submitting.current = navigation.state !== "idle" && navigation.formMethod !== undefined;
  const scheduleAutosave = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!submitting.current) fetcher.submit(autosaveForm(), { method: "post" });
    }, AUTOSAVE_DELAY_MS);
  };
  // Leaving the page with a save still waiting: send it anyway, as the tab goes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reads the form through a ref
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState !== "hidden" || !timer.current) return;
      clearTimeout(timer.current);
      timer.current = null;
      navigator.sendBeacon(window.location.pathname, autosaveForm());
    };
    document.addEventListener("visibilitychange", flush);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  let status: ReactNode = null;
  if (isRefusal(fetcher.data)) status = fetcher.data.error?.[""]?.[0] ?? null;
  else if (autosaved && "savedAt" in autosaved)
    status = (
      <>
        <span>{t("surveys.respond.savedAt", { time: autosaved.savedAt })}</span>
        {autosaved.problems.length > 0 ? (
          <>
            {" "}
            <span>{t("surveys.respond.draftProblems")}</span>
          </>
        ) : null}
      </>
    );
  else if (saved) status = t("surveys.respond.draftSaved", { time: saved.savedAt });
  else if (data.savedAt) status = t("surveys.respond.savedAt", { time: data.savedAt });
  const busy = navigation.state === "submitting";

  return (
    <>
      <p>{t("surveys.respond.closesOn", { date: data.closesOn })}</p>
      <p className="field__hint">{t("surveys.respond.autosave")}</p>
      {submitProblems.length > 0 ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="error-summary"
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">{t("surveys.respond.errorSummary")}</h2>
          <ul>
            {submitProblems.map((problem) => (
              <li key={problem.question}>
                <a href={`#${questionId(problem.question)}`}>
                  {data.questions.find((question) => question.key === problem.question)?.prompt ??
                    problem.question}
                </a>
                {" — "}
                {t(`surveys.problem.${problem.code}`, problem.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form
        method="post"
        noValidate
        ref={formRef}
        className="survey-form"
        onChange={scheduleAutosave}
        onSubmit={() => {
          if (timer.current) clearTimeout(timer.current);
          timer.current = null;
        }}
      >
        <CsrfInput />
        {data.questions.map((question) => (
          <QuestionField
            key={question.key}
            question={question}
            answer={answers[question.key]}
            problem={problems.get(question.key)}
          />
        ))}
        <p role="status" className="autosave-status">
          {status}
        </p>
        <p id="submit-hint" className="field__hint">
          {t("surveys.respond.submitHint")}
        </p>
        <div className="button-row">
          <button type="submit" name="intent" value="save" disabled={busy}>
            {t("surveys.respond.save")}
          </button>
          <button
            type="submit"
            name="intent"
            value="submit"
            className="button-primary"
            disabled={busy}
            aria-describedby="submit-hint"
          >
            {t("surveys.respond.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
