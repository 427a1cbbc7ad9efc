import { recordAudit, type TenantDb } from "@mentoring/db";
import {
  AppError,
  acceptsProposalReplies,
  boardProposalChangeProblem,
  boardProposalReplySchema,
  isFinalProposalStatus,
} from "@mentoring/domain";
import { loadBoardCohort } from "../records/board-cohort";
import { notify } from "../records/notify";
import { tenantFacts } from "../records/survey-mail";

export interface AnswerBoardProposalInput {
  tenantId: string;
  cohortId: string;
  proposalId: string;
  /** Reviewed (being looked at), or the answer: adopted or declined. */
  to: "reviewed" | "adopted" | "declined";
  /** The executive's reply: needed to adopt or decline, optional when marking reviewed. */
  reply?: string;
  actorUserId: string;
  /** The replier's name as the proposers will read it. */
  actorName: string;
  now: Date;
  requestId?: string;
  appUrl: string;
}

/**
 * An executive or the coordinator moves a board's proposal on: marks it reviewed, or adopts or declines it
 * with a reply (board-proposal.ts decides what may follow what). Only from the status it was read in, so two
 * people answering at once cannot both; an adopted or declined proposal never changes again. Audited, and
 * every proposer is told in the app and by mail through the outbox, in the same transaction.
 */
export async function answerBoardProposal(
  tx: TenantDb,
  input: AnswerBoardProposalInput,
): Promise<{ status: "reviewed" | "adopted" | "declined" }> {
  const { tenantId, cohortId, proposalId, to, now } = input;
  const { cohort } = await loadBoardCohort(tx, tenantId, cohortId);
  const proposal = await tx.boardProposal.findFirst({
    where: { tenantId, cohortId, id: proposalId },
    select: {
      id: true,
      title: true,
      status: true,
      reply: true,
      proposers: {
        select: {
          application: {
            select: {
              staffMemberId: true,
              staffMember: { select: { name: true, email: true } },
            },
          },
        },
      },
    },
  });
  if (!proposal) throw new AppError("board.proposal_not_found");
  if (!acceptsProposalReplies(cohort.status) && !isFinalProposalStatus(proposal.status))
    throw new AppError("board.cohort_closed");
  const parsed = boardProposalReplySchema.safeParse({ reply: input.reply ?? "" });
  if (!parsed.success) throw AppError.invalid(parsed.error);
  const { reply } = parsed.data;
  const problem = boardProposalChangeProblem(proposal.status, to, reply);
  if (problem) throw new AppError(problem);

  const replying = reply !== "";
  const { count } = await tx.boardProposal.updateMany({
    where: { tenantId, id: proposal.id, status: proposal.status },
    data: {
      status: to,
      ...(to === "reviewed" && { reviewedAt: now }),
      ...(to !== "reviewed" && { decidedAt: now }),
      ...(replying && {
        reply,
        repliedAt: now,
        repliedByUserId: input.actorUserId,
        repliedByName: input.actorName,
      }),
    },
  });
  if (count !== 1) throw new AppError("board.status_changed");
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action:
      to === "reviewed"
        ? "board_proposal.review"
        : to === "adopted"
          ? "board_proposal.adopt"
          : "board_proposal.decline",
    entityType: "board_proposal",
    entityId: proposal.id,
    before: { status: proposal.status },
    after: { status: to, ...(replying && { replied: true }) },
    requestId: input.requestId,
  });

  const accounts = await tx.membership.findMany({
    where: { tenantId, staffMemberId: { in: proposal.proposers.map((p) => p.application.staffMemberId) } },
    select: { staffMemberId: true, user: { select: { email: true, locale: true } } },
  });
  const accountOf = new Map(accounts.map((account) => [account.staffMemberId, account.user]));
  await notify(tx, {
    tenantId,
    tenant: await tenantFacts(tx, tenantId),
    kind: "board_proposal_updated",
    // One notice per proposal and status: a proposal reviewed, then adopted, tells twice.
    subject: `board-proposal:${proposal.id}:${to}`,
    path: "/board",
    appUrl: input.appUrl,
    recipients: proposal.proposers.map(({ application }) => {
      const account = accountOf.get(application.staffMemberId);
      return {
        staffMemberId: application.staffMemberId,
        name: application.staffMember.name,
        email: application.staffMember.email ?? account?.email ?? null,
        locale: account?.locale ?? null,
      };
    }),
    params: () => ({ cohortTitle: cohort.title, title: proposal.title, status: to }),
    mail: (person, _locale, link) => ({
      kind: "board_proposal_updated",
      name: person.name,
      cohortTitle: cohort.title,
      title: proposal.title,
      status: to,
      ...(replying && { reply }),
      link,
    }),
  });
  return { status: to };
}
