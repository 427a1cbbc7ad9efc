import { config } from "@mentoring/config";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { fieldError } from "../records/field-error";
import { notify, titleIn } from "../records/notify";
import { teamRecipients } from "../records/notify-recipients";
import { tenantFacts } from "../records/survey-mail";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMENT_MAX = 2_000;

export type SubmissionDecision = "accept" | "request_revision" | "feature" | "unfeature";

/**
 * The coordinator's answer to a team's submission: accept it, ask for a revision with a comment (which
 * opens it again, due date or not), or feature an accepted one on the tenant's showcase (and take it off
 * again). Saying the same twice changes nothing and records nothing. Audited. The team is told, in the app and
 * by mail, when a revision is asked for (each time it is) and when its work is featured (once).
 */
export async function reviewSubmission(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    submissionId: string;
    decision: SubmissionDecision;
    comment: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
    /** For the links in mails; APP_URL by default. */
    appUrl?: string;
  },
): Promise<{ changed: boolean }> {
  const { tenantId, cohortId, submissionId, decision, actorUserId, now, requestId } = input;
  const comment = (input.comment ?? "").trim();
  if (comment.length > COMMENT_MAX)
    throw fieldError("submission.comment_too_long", "comment", { max: COMMENT_MAX });
  const submission = UUID.test(submissionId)
    ? await tx.submission.findFirst({
        where: { tenantId, id: submissionId, item: { tenantId, cohortId } },
        select: {
          id: true,
          status: true,
          featuredAt: true,
          reviewComment: true,
          teamId: true,
          item: { select: { title: true, titleEn: true, cohort: { select: { title: true } } } },
        },
      })
    : null;
  if (!submission) throw new AppError("submission.not_found");
  const reviewed = { reviewedAt: now, reviewedByUserId: actorUserId };
  let data: Parameters<typeof tx.submission.update>[0]["data"] | null = null;
  switch (decision) {
    case "accept":
      if (submission.status !== "accepted")
        data = { status: "accepted", ...reviewed, reviewComment: comment };
      break;
    case "request_revision":
      if (comment === "") throw fieldError("submission.comment_required", "comment");
      if (submission.status !== "revision_requested" || submission.reviewComment !== comment)
        data = { status: "revision_requested", ...reviewed, reviewComment: comment, featuredAt: null };
      break;
    case "feature":
      if (submission.status !== "accepted") throw new AppError("submission.not_accepted");
      if (!submission.featuredAt) data = { featuredAt: now };
      break;
    case "unfeature":
      if (submission.featuredAt) data = { featuredAt: null };
      break;
  }
  if (!data) return { changed: false };
  await tx.submission.update({ where: { id: submission.id }, data });
  const action = {
    accept: "submission.accept",
    request_revision: "submission.request_revision",
    feature: "submission.feature",
    unfeature: "submission.unfeature",
  } as const;
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: action[decision],
    entityType: "submission",
    entityId: submission.id,
    before: { status: submission.status, featured: submission.featuredAt !== null },
    after: { ...(comment && { comment }), decision },
    requestId,
  });
  if (decision === "request_revision" || decision === "feature") {
    const { item } = submission;
    const tenant = await tenantFacts(tx, tenantId);
    const titled = { cohortTitle: item.cohort.title, title: item.title, titleEn: item.titleEn };
    const common = {
      tenantId,
      tenant,
      appUrl: input.appUrl ?? config().APP_URL,
      recipients: await teamRecipients(tx, tenantId, { cohortId, teamIds: [submission.teamId] }),
      params: () => titled,
    };
    if (decision === "request_revision")
      await notify(tx, {
        ...common,
        kind: "revision_requested",
        // Each request is news: the team revised since the last one.
        subject: `submission:${submission.id}@${now.toISOString()}`,
        path: "/assignments",
        mail: (member, locale, link) => ({
          kind: "revision_requested",
          name: member.name,
          cohortTitle: item.cohort.title,
          title: titleIn(locale, item),
          comment,
          link,
        }),
      });
    else
      await notify(tx, {
        ...common,
        kind: "submission_featured",
        subject: `submission:${submission.id}`,
        path: "/showcase",
        mail: (member, locale, link) => ({
          kind: "submission_featured",
          name: member.name,
          cohortTitle: item.cohort.title,
          title: titleIn(locale, item),
          link,
        }),
      });
  }
  return { changed: true };
}
