import { BOARD_PROPOSAL_REPLY_MAX } from "@mentoring/domain";
import { answerBoardProposal, listBoardProposals } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { FormAnswer } from "../components/form-answer";
import { pageTitle } from "../components/page-title";
import { ProposalCard } from "../components/proposal-card";
import { presentBoardProposals } from "../presenters/board.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("board.review.title", { cohort: data.cohort.title }),
);

/**
 * A junior board's policy proposals, for the executives and the coordinator (board.review): grouped by
 * status, waiting ones first; each may be marked reviewed, or adopted or declined with a reply the
 * proposers are told of. Adopted and declined proposals are shown with their reply and change no more.
 */
export const loader = tenantLoader(
  { permission: "board.review", params: cohortParams },
  async ({ params, tenant, locale, may, withTenant }) => {
    const list = await withTenant((db) =>
      listBoardProposals(db, { tenantId: tenant.id, cohortId: params.cohortId }),
    );
    return {
      ...presentBoardProposals(list, locale, tenant.timeZone),
      tenantSlug: tenant.slug,
      // Executives follow the board from here alone: the cohort's other pages are the coordinator's.
      withNav: may("programs.view"),
      open: list.cohort.status !== "closed",
    };
  },
);

const answerForm = z.object({
  proposalId: id,
  to: z.enum(["reviewed", "adopted", "declined"]),
  reply: z.string().max(BOARD_PROPOSAL_REPLY_MAX).default(""),
});

export const action = tenantAction(
  {
    permission: "board.review",
    params: cohortParams,
    form: answerForm,
    fieldName: (path, t) => (path === "reply" ? t("board.field.reply") : null),
    whichForm: (sent) => ({ proposalId: sent.proposalId }),
  },
  async ({ params, form, tenant, user, requestId, services, withTenant }) => {
    const done = await withTenant((db) =>
      answerBoardProposal(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        proposalId: form.proposalId,
        to: form.to,
        reply: form.reply,
        actorUserId: user.id,
        actorName: user.displayName,
        now: new Date(),
        requestId,
        appUrl: services.config.APP_URL,
      }),
    );
    return { proposalId: form.proposalId, status: done.status };
  },
);

export default function BoardProposals() {
  const { t } = useTranslation();
  const { cohort, groups, tenantSlug, withNav, open } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const refusal = result && isRefusal(result) ? result : null;
  const done = result && !isRefusal(result) ? result : null;
  const titleOf = (proposalId: string | undefined) =>
    groups.flatMap((group) => group.proposals).find((proposal) => proposal.id === proposalId)?.title ?? "";
  const refusalMessage = refusal
    ? (refusal.error?.[""]?.[0] ?? Object.values(refusal.error ?? {}).flat()[0] ?? null)
    : null;
  return (
    <>
      {withNav ? <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} /> : null}
      <h1>{t("board.review.title", { cohort: cohort.title })}</h1>
      <p>
        <Link to={`/${tenantSlug}/proposals`}>{t("board.review.toList")}</Link>
      </p>
      <p>{t("board.review.intro")}</p>
      {open ? null : <p>{t("board.review.closed")}</p>}
      {refusalMessage ? (
        <p role="alert" className="form-error">
          {refusalMessage}
        </p>
      ) : null}
      {done ? (
        <FormAnswer answer={done}>
          {t("board.review.done", {
            title: titleOf(done.proposalId),
            status: t(`board.status.${done.status}`),
          })}
        </FormAnswer>
      ) : null}
      {groups.map((group) => (
        <section key={group.status} aria-labelledby={`status-${group.status}`}>
          <h2 id={`status-${group.status}`}>
            {t("board.review.section", {
              status: t(`board.status.${group.status}`),
              count: group.proposals.length,
            })}
          </h2>
          {group.proposals.length === 0 ? <p>{t("board.review.empty")}</p> : null}
          {group.proposals.map((proposal) => {
            const final = proposal.status === "adopted" || proposal.status === "declined";
            const replyId = `reply-${proposal.id}`;
            return (
              <ProposalCard key={proposal.id} proposal={proposal} headingLevel="h3">
                {open && !final ? (
                  <Form method="post" className="proposal__actions">
                    <CsrfInput />
                    <input type="hidden" name="proposalId" value={proposal.id} />
                    <div className="field">
                      <label htmlFor={replyId}>{t("board.field.reply")}</label>
                      <p id={`${replyId}-hint`} className="field__hint">
                        {t("board.review.replyHint")}
                      </p>
                      <textarea
                        id={replyId}
                        name="reply"
                        rows={3}
                        maxLength={BOARD_PROPOSAL_REPLY_MAX}
                        aria-describedby={`${replyId}-hint`}
                      />
                    </div>
                    <fieldset className="actions">
                      <legend>{t("board.review.actions")}</legend>
                      {proposal.status === "proposed" ? (
                        <button
                          type="submit"
                          name="to"
                          value="reviewed"
                          className="button-secondary"
                          disabled={busy}
                        >
                          {t("board.review.markReviewed")}
                        </button>
                      ) : null}{" "}
                      <button
                        type="submit"
                        name="to"
                        value="adopted"
                        className="button-primary"
                        disabled={busy}
                      >
                        {t("board.review.adopt")}
                      </button>{" "}
                      <button
                        type="submit"
                        name="to"
                        value="declined"
                        className="button-secondary"
                        disabled={busy}
                      >
                        {t("board.review.decline")}
                      </button>
                    </fieldset>
                  </Form>
                ) : null}
              </ProposalCard>
            );
          })}
        </section>
      ))}
    </>
  );
}
