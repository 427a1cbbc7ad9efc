/*
 * A cohort's awards (issue 16 part 4): the coordinator proposes which teams take the template's award
 * categories (from the evaluation's ranking, ties at a boundary decided by hand), an executive approves it
 * or returns it with a comment; on approval each winning team's award certificate (표창장) is signed with
 * the tenant's key like the pairing certificates, rendered by the worker, verifiable at /verify/{serial},
 * and the winners are told. What may be proposed: packages/domain award-proposal.ts.
 */
export { approveAwards } from "./approve-awards";
export {
  type AwardCategoryView,
  type AwardGrantView,
  type CohortAwards,
  getCohortAwards,
} from "./get-cohort-awards";
export { listAwardsToApprove } from "./list-awards-to-approve";
export { proposeAwards } from "./propose-awards";
export { AWARD_COMMENT_MAX, returnAwards } from "./return-awards";
