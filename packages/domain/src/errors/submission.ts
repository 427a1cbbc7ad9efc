import type { ErrorTable } from "./error-table";

/** Teams' submissions to assignments, and their review. */
export const submissionErrors = {
  "submission.not_found": { status: 404, message: "assignments.error.notFound" },
  "submission.not_in_team": { status: 404, message: "assignments.error.notInTeam" },
  "submission.already_accepted": { status: 409, message: "assignments.error.alreadyAccepted" },
  "submission.due_passed": { status: 409, message: "assignments.error.duePassed" },
  "submission.empty": { status: 400, message: "assignments.error.empty" },
  "submission.text_too_long": { status: 400, message: "assignments.error.textTooLong" },
  "submission.link_invalid": { status: 400, message: "assignments.error.linkInvalid" },
  "submission.too_many_links": { status: 400, message: "assignments.error.tooManyLinks" },
  "submission.comment_required": { status: 400, message: "assignments.error.commentRequired" },
  "submission.comment_too_long": { status: 400, message: "assignments.error.commentTooLong" },
  "submission.not_accepted": { status: 409, message: "assignments.error.notAccepted" },
} as const satisfies ErrorTable;
