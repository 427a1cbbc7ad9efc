import type { ErrorTable } from "./error-table";

/** A cohort's award decision: the coordinator's proposal and the executive's approval or return. */
export const awardErrors = {
  /** The cohort's template has no award categories. */
  "award.no_categories": { status: 409, message: "awards.error.noCategories" },
  "award.no_grants": { status: 400, message: "awards.error.noGrants" },
  /** {category}: the index sent. */
  "award.unknown_category": { status: 400, message: "awards.error.unknownCategory" },
  /** {award} {places} {chosen}. */
  "award.over_count": { status: 400, message: "awards.error.overCount" },
  /** {team}: the team's number. */
  "award.team_twice": { status: 400, message: "awards.error.teamTwice" },
  /** A team id that is not one of the cohort's (a tampered form): bad input, answered beside the form. */
  "award.team_not_found": { status: 400, message: "awards.error.teamNotFound" },
  /** No decision for the cohort yet (nothing was proposed). */
  "award.not_found": { status: 404, message: "awards.error.notFound" },
  /** An approved decision is final: its certificates are signed. */
  "award.already_approved": { status: 409, message: "awards.error.alreadyApproved" },
  /** Approving or returning needs a proposed decision (not a draft, returned or approved one). */
  "award.not_proposed": { status: 409, message: "awards.error.notProposed" },
  "award.comment_required": { status: 400, message: "awards.error.commentRequired" },
  /** {max}. */
  "award.comment_too_long": { status: 400, message: "awards.error.commentTooLong" },
  "award.comment_control_characters": { status: 400, message: "awards.error.commentControlCharacters" },
  /** The actor does not hold the permission the step needs in this tenant (proposing, or deciding). */
  "award.not_allowed": { status: 403, message: "awards.error.notAllowed" },
  /** The tenant has no certificate signer to print on the award certificates. */
  "award.no_signer": { status: 409, message: "awards.error.noSigner" },
} as const satisfies ErrorTable;
