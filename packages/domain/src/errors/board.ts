import type { ErrorTable } from "./error-table";

/** The junior board's policy proposals (board-proposal.ts). */
export const boardErrors = {
  /** The cohort is not the tenant's, or not a junior board. */
  "board.cohort_not_found": { status: 404, message: "board.error.cohortNotFound" },
  /** Only the board's members (accepted applications) propose. */
  "board.not_member": { status: 403, message: "board.error.notMember" },
  /** A co-proposer named is not a member of the board. */
  "board.proposer_not_member": { status: 422, message: "board.error.proposerNotMember" },
  "board.not_active": { status: 409, message: "board.error.notActive" },
  "board.cohort_closed": { status: 409, message: "board.error.cohortClosed" },
  "board.proposal_not_found": { status: 404, message: "board.error.proposalNotFound" },
  "board.proposal_final": { status: 409, message: "board.error.proposalFinal" },
  "board.transition_not_allowed": { status: 409, message: "board.error.transitionNotAllowed" },
  "board.reply_required": { status: 422, message: "board.error.replyRequired" },
  /** Someone else changed the proposal first. */
  "board.status_changed": { status: 409, message: "board.error.statusChanged" },
} as const satisfies ErrorTable;
