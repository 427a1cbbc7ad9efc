import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { EVALUATION_COMMENT_MAX, type EvaluationEntry } from "@mentoring/domain";
import {
  getTeamEvaluation,
  getTeamFacts,
  getTeamPortfolio,
  listAttachments,
  saveEvaluationDraft,
  submitEvaluation,
} from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { type MouseEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type AttachmentItem, AttachmentList } from "../components/attachments";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, lastResultOf } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { SubmissionBadges, SubmissionLinks } from "../components/submission-parts";
import { presentTeamEvaluation, type TeamEvaluationPage } from "../presenters/evaluator.server";
import { besideFields, isRefusal, type Refusal } from "../services/refusal";
import { type FieldNamer, tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, { page }) =>
  t("evaluations.evaluator.page.title", { team: teamName(t, page.team) }),
);

/**
 * One team's evaluation by its assigned evaluator: the team's portfolio (members, the work it handed in
 * with its files and featured marks, the activities it logged, attendance at the regular training, the
 * criteria the records compute with their formula) beside the rubric's form (a score and a comment per
 * criterion the evaluators score), saved as a draft and submitted once. After the submission the page
 * reads back what was given. A team the evaluator is not assigned to is not there (404).
 */
const teamParams = z.object({ teamId: id });

export const loader = tenantLoader(
  { permission: "evaluations.score", params: teamParams },
  async ({ params, tenant, user, locale, withTenant }) => {
    const input = { tenantId: tenant.id, evaluatorUserId: user.id, teamId: params.teamId };
    const now = new Date();
    const { view, portfolio, files, facts } = await withTenant(
      async (db) => {
        const view = await getTeamEvaluation(db, input);
        const portfolio = await getTeamPortfolio(db, { ...input, now });
        const submissionIds = portfolio.assignments.flatMap((item) =>
          item.submission ? [item.submission.id] : [],
        );
        const files = await listAttachments(db, { tenantId: tenant.id, submissionIds });
        const cohortFacts =
          portfolio.computed.length > 0
            ? await getTeamFacts(db, { tenantId: tenant.id, cohortId: view.cohort.id, now })
            : null;
        const facts = cohortFacts?.teams.find((team) => team.teamId === view.team.id)?.facts ?? null;
        return { view, portfolio, files, facts };
      },
      {
        // The team's members, their attendance and work, seen by an evaluator: recorded as they read it.
        accessLog: ({ view }) => ({
          kind: "evaluation_portfolio",
          subjects: { teamIds: [view.team.id] },
          cohortId: view.cohort.id,
          teamId: view.team.id,
        }),
      },
    );
    return {
      page: presentTeamEvaluation({ view, portfolio, facts }, locale, tenant.timeZone),
      files: Object.fromEntries(files) as Record<string, AttachmentItem[]>,
      base: `/${tenant.slug}`,
    };
  },
);

// What the form holds per criterion key; whole numbers in scale and comments are the use case's to check,
// field by field, so that every message stands beside its criterion.
const evaluationForm = z.object({
  intent: z.enum(["draft", "submit"]),
  scores: z.record(z.string(), z.string().optional()).default({}),
  comments: z.record(z.string(), z.string().optional()).default({}),
});

const fieldName: FieldNamer = (path, t) =>
  path.startsWith("scores.")
    ? t("evaluations.evaluator.page.yourScore")
    : path.startsWith("comments.")
      ? t("evaluations.evaluator.page.comment")
      : null;

/** The form's entries by criterion: a score left empty is none (cleared), a comment left empty is "". */
function entriesOf(form: z.infer<typeof evaluationForm>): Record<string, EvaluationEntry> {
  const keys = new Set([...Object.keys(form.scores), ...Object.keys(form.comments)]);
  return Object.fromEntries(
    [...keys].map((key) => {
      const score = form.scores[key]?.trim() ?? "";
      return [key, { score: score === "" ? null : Number(score), comment: form.comments[key] ?? "" }];
    }),
  );
}

export const action = tenantAction(
  { permission: "evaluations.score", params: teamParams, form: evaluationForm, fieldName },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    const input = {
      tenantId: tenant.id,
      evaluatorUserId: user.id,
      teamId: params.teamId,
      entries: entriesOf(form),
      now: new Date(),
    };
    if (form.intent === "submit") {
      await withTenant((db) => submitEvaluation(db, { ...input, requestId }));
      return { done: "submitted" as const };
    }
    await withTenant((db) => saveEvaluationDraft(db, input));
    return { done: "saved" as const };
  },
);

/** A team as its evaluator knows it: its number, and its name when it chose one. */
function teamName(t: TFunction, team: { number: number; name: string | null }) {
  return team.name
    ? t("evaluations.evaluator.team.named", { number: team.number, name: team.name })
    : t("evaluations.evaluator.team.number", { number: team.number });
}

export default function TeamEvaluation() {
  const { t } = useTranslation();
  const { page, files, base } = useLoaderData<typeof loader>();
  const team = teamName(t, page.team);
  return (
    <>
      <p>
        <Link to={`${base}/evaluations`}>{t("evaluations.evaluator.page.back")}</Link>
      </p>
      <h1>{t("evaluations.evaluator.page.title", { team })}</h1>
      <p className="survey-meta">{page.cohortTitle}</p>
      <div className="evaluation-layout">
        <Portfolio page={page} files={files} />
        <section aria-labelledby="rubric-title" className="card">
          <h2 id="rubric-title">{t("evaluations.evaluator.page.rubric")}</h2>
          <ComputedCriteria page={page} />
          {page.status === "submitted" ? <SubmittedScores page={page} /> : <RubricForm page={page} />}
        </section>
      </div>
    </>
  );
}

function Portfolio({ page, files }: { page: TeamEvaluationPage; files: Record<string, AttachmentItem[]> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{t("evaluations.evaluator.page.portfolio")}</h2>
      <DataTable
        caption={t("evaluations.evaluator.page.membersCaption")}
        rows={page.team.members}
        rowKey={(member) => `${member.name}-${member.department}-${member.role}`}
        empty=""
        columns={[
          { key: "name", header: t("evaluations.evaluator.page.name"), cell: (member) => member.name },
          {
            key: "role",
            header: t("evaluations.evaluator.page.role"),
            cell: (member) => t(`programs.role.${member.role}`),
          },
          {
            key: "department",
            header: t("evaluations.evaluator.page.department"),
            cell: (member) => member.department,
          },
        ]}
      />

      <h3>{t("evaluations.evaluator.page.submissions")}</h3>
      {page.assignments.length === 0 ? <p>{t("evaluations.evaluator.page.noAssignments")}</p> : null}
      {page.assignments.map((assignment) => (
        <article
          key={assignment.itemId}
          aria-labelledby={`work-${assignment.itemId}`}
          className="card"
          data-testid="team-work"
        >
          <h4 id={`work-${assignment.itemId}`}>{assignment.title}</h4>
          <p className="survey-meta">
            {assignment.due ? t("evaluations.evaluator.page.due", { when: assignment.due }) : null}{" "}
            <SubmissionBadges submission={assignment.submission} />
          </p>
          {assignment.submission ? (
            <>
              <p className="survey-meta">
                {t("evaluations.evaluator.page.handedIn", { when: assignment.submission.submittedAt })}
              </p>
              {assignment.submission.text ? (
                <p className="submission-text">{assignment.submission.text}</p>
              ) : null}
              <SubmissionLinks links={assignment.submission.links} />
              <AttachmentList files={files[assignment.submission.id] ?? []} />
            </>
          ) : (
            <p>{t("evaluations.evaluator.page.notHandedIn")}</p>
          )}
        </article>
      ))}

      <h3>{t("evaluations.evaluator.page.activities")}</h3>
      <DataTable
        caption={t("evaluations.evaluator.page.activitiesCaption", { count: page.activities.length })}
        rows={page.activities}
        rowKey={(activity) => activity.id}
        empty={t("evaluations.evaluator.page.noActivities")}
        columns={[
          {
            key: "date",
            header: t("evaluations.evaluator.page.date"),
            cell: (activity) => activity.happenedOn,
          },
          {
            key: "what",
            header: t("evaluations.evaluator.page.what"),
            cell: (activity) => `${activity.topic} · ${t(`activities.kind.${activity.kind}`)}`,
          },
          {
            key: "length",
            header: t("evaluations.evaluator.page.length"),
            numeric: true,
            cell: (activity) =>
              activity.minutes === null
                ? "—"
                : t("evaluations.evaluator.page.minutesValue", { count: activity.minutes }),
          },
          {
            key: "people",
            header: t("evaluations.evaluator.page.people"),
            numeric: true,
            cell: (activity) => t("evaluations.evaluator.page.peopleValue", { count: activity.participants }),
          },
          {
            key: "photos",
            header: t("evaluations.evaluator.page.photos"),
            numeric: true,
            cell: (activity) => t("evaluations.evaluator.page.photosValue", { count: activity.photos }),
          },
        ]}
      />

      <h3>{t("evaluations.evaluator.page.attendance")}</h3>
      {page.attendance.every((member) => member.expected === 0) ? (
        <p>{t("evaluations.evaluator.page.noAttendance")}</p>
      ) : (
        <DataTable
          caption={t("evaluations.evaluator.page.attendanceCaption")}
          rows={page.attendance}
          rowKey={(member) => member.name}
          empty=""
          columns={[
            { key: "name", header: t("evaluations.evaluator.page.name"), cell: (member) => member.name },
            {
              key: "attended",
              header: t("evaluations.evaluator.page.attended"),
              numeric: true,
              cell: (member) =>
                t("evaluations.evaluator.page.attendanceValue", {
                  present: member.present,
                  expected: member.expected,
                }),
            },
          ]}
        />
      )}
    </section>
  );
}

/** The criteria the records score: read-only, with the value and the formula behind it. */
function ComputedCriteria({ page }: { page: TeamEvaluationPage }) {
  const { t } = useTranslation();
  if (page.computed.length === 0) return null;
  return (
    <section aria-labelledby="computed-title" data-testid="computed-criteria">
      <h3 id="computed-title">{t("evaluations.evaluator.page.metrics")}</h3>
      <p>{t("evaluations.evaluator.page.metricsIntro")}</p>
      <dl className="evaluation-computed">
        {page.computed.map((criterion) => (
          <div key={criterion.key}>
            <dt>
              {criterion.name}{" "}
              <span className="survey-meta">
                {t("evaluations.evaluator.page.weight", { weight: criterion.weight })}
              </span>
            </dt>
            <dd>
              <strong>
                {criterion.value === null
                  ? t("evaluations.evaluator.page.metricPending")
                  : t("evaluations.evaluator.page.metricValue", {
                      value: criterion.value,
                      max: criterion.scaleMax,
                    })}
              </strong>
            </dd>
            {criterion.description ? <dd>{criterion.description}</dd> : null}
            <dd className="field__hint">
              {t("evaluations.evaluator.page.formula", {
                formula: t(`programs.rubric.metric.${criterion.metric}.formula`),
              })}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What the rubric says of one criterion the evaluators score: its description and level descriptors. */
function CriterionGuide({ criterion }: { criterion: TeamEvaluationPage["scored"][number] }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="survey-meta">{t("evaluations.evaluator.page.weight", { weight: criterion.weight })}</p>
      {criterion.description ? <p id={`guide-${criterion.key}`}>{criterion.description}</p> : null}
      {criterion.levels.length > 0 ? (
        <>
          <p id={`levels-${criterion.key}`} className="field__hint">
            {t("evaluations.evaluator.page.levels")}
          </p>
          <ul aria-labelledby={`levels-${criterion.key}`}>
            {criterion.levels.map((level) => (
              <li key={level.score}>
                {t("evaluations.evaluator.page.level", { score: level.score, label: level.label })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** After the submission: the scores and comments given, read-only, with when. */
function SubmittedScores({ page }: { page: TeamEvaluationPage }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" className="form-status" data-testid="submitted">
        {t("evaluations.evaluator.page.submitted", { when: page.submittedAt ?? "" })}
      </p>
      {page.scored.map((criterion) => (
        <section key={criterion.key} aria-labelledby={`criterion-${criterion.key}`}>
          <h3 id={`criterion-${criterion.key}`}>{criterion.name}</h3>
          <CriterionGuide criterion={criterion} />
          <dl>
            <dt>{t("evaluations.evaluator.page.yourScore")}</dt>
            <dd>
              {criterion.score === null
                ? t("evaluations.evaluator.page.noScore")
                : t("evaluations.evaluator.page.metricValue", {
                    value: criterion.score,
                    max: criterion.scaleMax,
                  })}
            </dd>
            <dt>{t("evaluations.evaluator.page.comment")}</dt>
            <dd className="submission-text">
              {criterion.comment || t("evaluations.evaluator.page.noComment")}
            </dd>
          </dl>
        </section>
      ))}
    </>
  );
}

function RubricForm({ page }: { page: TeamEvaluationPage }) {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const fields = useMemo(
    () => page.scored.flatMap((criterion) => [`scores.${criterion.key}`, `comments.${criterion.key}`]),
    [page.scored],
  );
  // One object per answer: conform takes a new lastResult as a new answer, and one made every render loops.
  const lastResult = useMemo(
    () => lastResultOf(isRefusal(result) ? besideFields(result as Refusal, fields) : undefined, result),
    [result, fields],
  );
  const [form, field] = useForm<z.input<typeof evaluationForm>>({
    id: "evaluation",
    lastResult,
    constraint: getZodConstraint(evaluationForm),
    defaultValue: {
      scores: Object.fromEntries(
        page.scored.map((criterion) => [
          criterion.key,
          criterion.score === null ? "" : String(criterion.score),
        ]),
      ),
      comments: Object.fromEntries(page.scored.map((criterion) => [criterion.key, criterion.comment])),
    },
  });
  const scores = field.scores.getFieldset();
  const comments = field.comments.getFieldset();
  const saved = result && !isRefusal(result) && result.done === "saved";
  const confirmSubmit = (event: MouseEvent<HTMLButtonElement>) => {
    if (!window.confirm(t("evaluations.evaluator.page.confirmSubmit"))) event.preventDefault();
  };
  return (
    <>
      {page.reopened ? <p className="form-status">{t("evaluations.evaluator.page.reopened")}</p> : null}
      <p>{t("evaluations.evaluator.page.rubricIntro")}</p>
      {saved ? <FormAnswer answer={result}>{t("evaluations.evaluator.page.saved")}</FormAnswer> : null}
      <FormErrors form={form} summary={t("form.errorSummary")} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        {page.scored.map((criterion) => {
          const score = scores[criterion.key];
          const comment = comments[criterion.key];
          if (!score || !comment) return null;
          const scoreError = score.errors?.[0];
          const commentError = comment.errors?.[0];
          const guide = [
            criterion.description ? `guide-${criterion.key}` : null,
            criterion.levels.length > 0 ? `levels-${criterion.key}` : null,
            scoreError ? score.errorId : null,
          ]
            .filter(Boolean)
            .join(" ");
          return (
            <fieldset key={criterion.key} className="evaluation-criterion">
              <legend>{criterion.name}</legend>
              <CriterionGuide criterion={criterion} />
              <div className="field">
                <label htmlFor={score.id}>
                  {t("evaluations.evaluator.page.score", { max: criterion.scaleMax })}
                </label>
                <input
                  {...getInputProps(score, { type: "number", ariaAttributes: false })}
                  min={0}
                  max={criterion.scaleMax}
                  step={1}
                  inputMode="numeric"
                  aria-invalid={scoreError ? true : undefined}
                  aria-describedby={guide || undefined}
                />
                {scoreError ? (
                  <p id={score.errorId} className="field__error">
                    {scoreError}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={comment.id}>{t("evaluations.evaluator.page.comment")}</label>
                <p id={`${comment.id}-hint`} className="field__hint">
                  {t("evaluations.evaluator.page.commentHint")}
                </p>
                <textarea
                  {...getTextareaProps(comment, { ariaAttributes: false })}
                  rows={3}
                  maxLength={EVALUATION_COMMENT_MAX}
                  aria-invalid={commentError ? true : undefined}
                  aria-describedby={[`${comment.id}-hint`, commentError ? comment.errorId : null]
                    .filter(Boolean)
                    .join(" ")}
                />
                {commentError ? (
                  <p id={comment.errorId} className="field__error">
                    {commentError}
                  </p>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="submit" name="intent" value="draft" disabled={busy}>
            {t("evaluations.evaluator.page.saveDraft")}
          </button>
          <button
            type="submit"
            name="intent"
            value="submit"
            className="button-primary"
            disabled={busy}
            onClick={confirmSubmit}
          >
            {t("evaluations.evaluator.page.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
