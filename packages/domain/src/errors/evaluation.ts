import type { ErrorTable } from "./error-table";

/** Evaluators assigned to teams, and their evaluations against the template's rubric. */
export const evaluationErrors = {
  /** The team is not one of the cohort's, or the cohort not the tenant's. */
  "evaluation.team_not_found": { status: 404, message: "evaluations.error.teamNotFound" },
  /** Not a member of the tenant (an outside trainer is invited first). */
  "evaluation.evaluator_not_found": { status: 404, message: "evaluations.error.evaluatorNotFound" },
  "evaluation.conflict_member": { status: 409, message: "evaluations.error.conflictMember" },
  "evaluation.conflict_same_department": {
    status: 409,
    message: "evaluations.error.conflictSameDepartment",
  },
  "evaluation.already_assigned": { status: 409, message: "evaluations.error.alreadyAssigned" },
  /** An assignment or evaluation that is not there, or not the asker's: never "forbidden". */
  "evaluation.not_found": { status: 404, message: "evaluations.error.notFound" },
  "evaluation.has_submission": { status: 409, message: "evaluations.error.hasSubmission" },
  "evaluation.already_submitted": { status: 409, message: "evaluations.error.alreadySubmitted" },
  "evaluation.not_submitted": { status: 409, message: "evaluations.error.notSubmitted" },
  "evaluation.score_out_of_scale": { status: 400, message: "evaluations.error.scoreOutOfScale" },
  "evaluation.score_not_scored": { status: 400, message: "evaluations.error.scoreNotScored" },
  "evaluation.score_missing": { status: 400, message: "evaluations.error.scoreMissing" },
  "evaluation.comment_too_long": { status: 400, message: "evaluations.error.commentTooLong" },
  "evaluation.comment_control_characters": {
    status: 400,
    message: "evaluations.error.commentControlCharacters",
  },
  "evaluation.email_invalid": { status: 400, message: "evaluations.error.emailInvalid" },
} as const satisfies ErrorTable;
