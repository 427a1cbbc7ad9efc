export type { BoardProposalRow } from "../records/board-cohort";
export { type AnswerBoardProposalInput, answerBoardProposal } from "./answer-board-proposal";
export { listBoardProposals } from "./list-board-proposals";
export { type BoardToReview, listBoardsToReview } from "./list-boards-to-review";
export { listMyBoards, type MyBoard } from "./list-my-boards";
export { type ProposeBoardPolicyInput, proposeBoardPolicy } from "./propose-board-policy";
