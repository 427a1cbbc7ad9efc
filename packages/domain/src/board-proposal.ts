import { z } from "zod";
import type { CohortStatus } from "./cohort-lifecycle";
import type { ApplicationRole, ProgramKind } from "./program-template";

/**
 * A junior board (주니어보드) has no mentors and mentees: its members hold applications in this role, so
 * recruitment, eligibility and quotas work for them as for any cohort. Juniors who advise, as in reverse
 * mentoring, are the mentors; the board's template leaves its mentee role unused and nobody may apply to it.
 */
export const boardMemberRole: ApplicationRole = "mentor";

/** The roles people apply as in a program of this kind: a board's members alone, otherwise both. */
export function recruitedRoles(kind: ProgramKind): readonly ApplicationRole[] {
  return kind === "board" ? [boardMemberRole] : ["mentor", "mentee"];
}

/** Whether cohorts of this kind form teams (matching, the pairing ceremony and its certificates). */
export function formsTeams(kind: ProgramKind): boolean {
  return kind !== "board";
}

/** A proposal is proposed, then reviewed by an executive or the coordinator, and finally adopted or declined. */
export const boardProposalStatuses = ["proposed", "reviewed", "adopted", "declined"] as const;
export type BoardProposalStatus = (typeof boardProposalStatuses)[number];

export const BOARD_PROPOSAL_TITLE_MAX = 120;
export const BOARD_PROPOSAL_BODY_MAX = 4000;
export const BOARD_PROPOSAL_REPLY_MAX = 2000;
/** Co-proposers included: a proposal is a member's or a few members' together. */
export const BOARD_PROPOSERS_MAX = 10;

/** What a member writes: plain text, bounded (shown as text, never as markup). */
export const boardProposalDraftSchema = z.object({
  title: z.string().trim().min(1).max(BOARD_PROPOSAL_TITLE_MAX),
  body: z.string().trim().min(1).max(BOARD_PROPOSAL_BODY_MAX),
});
export type BoardProposalDraft = z.infer<typeof boardProposalDraftSchema>;

/** An executive's reply: plain text, bounded; blank when only marking a proposal reviewed. */
export const boardProposalReplySchema = z.object({
  reply: z.string().trim().max(BOARD_PROPOSAL_REPLY_MAX).default(""),
});

/** Adopted and declined are the answer: nothing changes a proposal after them. */
export function isFinalProposalStatus(status: BoardProposalStatus): boolean {
  return status === "adopted" || status === "declined";
}

/** Members propose while the board is active. */
export function acceptsProposals(status: CohortStatus): boolean {
  return status === "active";
}

/** Proposals are reviewed and answered until the cohort closes. */
export function acceptsProposalReplies(status: CohortStatus): boolean {
  return status === "active" || status === "evaluation";
}

export type BoardProposalChangeProblem =
  | "board.proposal_final"
  | "board.transition_not_allowed"
  | "board.reply_required";

/**
 * Why a proposal may not move from `from` to `to` with this reply, or null when it may. Reviewing is
 * optional (a proposal may be answered straight away); adopting or declining needs a reply that says why;
 * an adopted or declined proposal never changes again.
 */
export function boardProposalChangeProblem(
  from: BoardProposalStatus,
  to: BoardProposalStatus,
  reply: string,
): BoardProposalChangeProblem | null {
  if (isFinalProposalStatus(from)) return "board.proposal_final";
  const allowed: Record<BoardProposalStatus, readonly BoardProposalStatus[]> = {
    proposed: ["reviewed", "adopted", "declined"],
    reviewed: ["adopted", "declined"],
    adopted: [],
    declined: [],
  };
  if (!allowed[from].includes(to)) return "board.transition_not_allowed";
  if (isFinalProposalStatus(to) && reply.trim() === "") return "board.reply_required";
  return null;
}
