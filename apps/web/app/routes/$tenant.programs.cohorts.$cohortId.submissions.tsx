import { getCohortSubmissions, listAttachments, reviewSubmission } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type AttachmentItem, AttachmentList } from "../components/attachments";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { DataTable } from "../components/data-table";
import { pageTitle } from "../components/page-title";
import { SubmissionBadges, SubmissionLinks } from "../components/submission-parts";
import { presentCohortSubmissions } from "../presenters/assignments.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle("assignments.review.title");

/**
 * The coordinator's view of a cohort's assignments: for each, every team's work (text, links, photos as
 * thumbnails, videos in a player, documents), late or not, with the review (accept, ask for a revision with a comment) and featuring on the showcase.
 */
export const loader = tenantLoader(
  { permission: "programs.view", params: cohortParams },
  async ({ params, tenant, locale, may, withTenant }) => {
    const { page, files } = await withTenant(async (db) => {
      const page = await getCohortSubmissions(db, { tenantId: tenant.id, cohortId: params.cohortId });
      const submissionIds = page.assignments.flatMap((assignment) =>
        assignment.teams.flatMap((team) => (team.submission ? [team.submission.id] : [])),
      );
      return { page, files: await listAttachments(db, { tenantId: tenant.id, submissionIds }) };
    });
    return {
      ...presentCohortSubmissions(page, locale, tenant.timeZone),
      files: Object.fromEntries(files) as Record<string, AttachmentItem[]>,
      tenantSlug: tenant.slug,
      canManage: may("programs.manage"),
    };
  },
);

const reviewForm = z.object({
  submissionId: id,
  decision: z.enum(["accept", "request_revision", "feature", "unfeature"]),
  comment: z.string().default(""),
});

export const action = tenantAction(
  {
    permission: "programs.manage",
    params: cohortParams,
    form: reviewForm,
    whichForm: (sent) => ({ submissionId: sent.submissionId }),
  },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    const { changed } = await withTenant((db) =>
      reviewSubmission(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        submissionId: form.submissionId,
        decision: form.decision,
        comment: form.comment,
        actorUserId: user.id,
        now: new Date(),
        requestId,
      }),
    );
    return { submissionId: form.submissionId, decision: form.decision, changed };
  },
);

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type TeamRow = Page["assignments"][number]["teams"][number];

const saidOf = {
  accept: "assignments.review.accepted",
  request_revision: "assignments.review.revisionRequested",
  feature: "assignments.review.featured",
  unfeature: "assignments.review.unfeatured",
} as const;

export default function CohortSubmissions() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("assignments.review.title")}</h1>
      <p className="survey-meta">{page.cohort.title}</p>
      <CohortNav tenantSlug={page.tenantSlug} cohortId={page.cohort.id} />
      <p>{t("assignments.review.intro")}</p>
      <p>
        <Link to={`/${page.tenantSlug}/programs/cohorts/${page.cohort.id}/photos`}>
          {t("files.gallery.link")}
        </Link>
      </p>
      {page.assignments.length === 0 ? <p>{t("assignments.review.none")}</p> : null}
      {page.assignments.map((assignment) => (
        <section key={assignment.id} aria-labelledby={`assignment-${assignment.id}`} className="card">
          <h2 id={`assignment-${assignment.id}`}>{assignment.title}</h2>
          <p className="survey-meta">
            {t("assignments.review.due", { when: assignment.due })} ·{" "}
            {t("assignments.review.summary", assignment.counts)}
          </p>
          <DataTable
            caption={t("assignments.review.caption", { title: assignment.title })}
            rows={assignment.teams}
            rowKey={(team) => team.teamId}
            empty={t("assignments.review.none")}
            columns={[
              {
                key: "team",
                header: t("assignments.review.team"),
                cell: (team) => (
                  <span id={`team-${assignment.id}-${team.teamId}`}>
                    {t("assignments.review.teamNumber", { number: team.teamNumber })}
                  </span>
                ),
              },
              {
                key: "status",
                header: t("assignments.review.status"),
                cell: (team) => <SubmissionBadges submission={team.submission} />,
              },
              {
                key: "work",
                header: t("assignments.review.work"),
                cell: (team) => (
                  <Work team={team} files={team.submission ? (page.files[team.submission.id] ?? []) : []} />
                ),
              },
              {
                key: "submittedAt",
                header: t("assignments.review.submittedAt"),
                cell: (team) => team.submission?.submittedAt ?? t("assignments.review.noWork"),
              },
              ...(page.canManage
                ? [
                    {
                      key: "actions",
                      header: t("assignments.review.actions"),
                      cell: (team: TeamRow) =>
                        team.submission ? (
                          <Review team={team} describedBy={`team-${assignment.id}-${team.teamId}`} />
                        ) : (
                          t("assignments.review.noWork")
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      ))}
    </>
  );
}

function Work({ team, files }: { team: TeamRow; files: AttachmentItem[] }) {
  const { t } = useTranslation();
  const { submission } = team;
  if (!submission) return <>{t("assignments.review.noWork")}</>;
  return (
    <div className="submission-work">
      {submission.text ? <p>{submission.text}</p> : null}
      <SubmissionLinks links={submission.links} />
      <AttachmentList files={files} />
    </div>
  );
}

/** Accept, ask for a revision (with a comment), feature or stop featuring one team's work. */
function Review({ team, describedBy }: { team: TeamRow; describedBy: string }) {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const submission = team.submission as NonNullable<TeamRow["submission"]>;
  const mine = result?.submissionId === submission.id ? result : undefined;
  const commentId = `comment-${submission.id}`;
  return (
    <Form method="post" className="review-form">
      <CsrfInput />
      <input type="hidden" name="submissionId" value={submission.id} />
      {mine ? (
        isRefusal(mine) ? (
          <p role="alert" className="form-error">
            {mine.error?.comment?.[0] ?? mine.error?.[""]?.[0]}
          </p>
        ) : (
          <p role="status" className="form-status">
            {t(mine.changed ? saidOf[mine.decision] : "assignments.review.unchanged")}
          </p>
        )
      ) : null}
      <label htmlFor={commentId}>{t("assignments.review.comment")}</label>
      <textarea
        id={commentId}
        name="comment"
        rows={2}
        maxLength={2000}
        defaultValue={submission.reviewComment}
        aria-describedby={`${commentId}-hint ${describedBy}`}
      />
      <p id={`${commentId}-hint`} className="field__hint">
        {t("assignments.review.commentHint")}
      </p>
      <div className="row-actions">
        {submission.status !== "accepted" ? (
          <button type="submit" name="decision" value="accept" disabled={busy} aria-describedby={describedBy}>
            {t("assignments.review.accept")}
          </button>
        ) : null}
        <button
          type="submit"
          name="decision"
          value="request_revision"
          disabled={busy}
          aria-describedby={describedBy}
        >
          {t("assignments.review.requestRevision")}
        </button>
        {submission.status === "accepted" ? (
          <button
            type="submit"
            name="decision"
            value={submission.featured ? "unfeature" : "feature"}
            disabled={busy}
            aria-describedby={describedBy}
          >
            {t(submission.featured ? "assignments.review.unfeature" : "assignments.review.feature")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
