import type { koEvaluations } from "./ko-evaluations";
import type { Translation } from "./translation";

/** English messages of evaluators and their evaluations of teams. */
export const enEvaluations: Translation<typeof koEvaluations> = {
  error: {
    teamNotFound: "That team could not be found in this cohort.",
    evaluatorNotFound:
      "That evaluator is not a member of the organisation. Invite an outside evaluator by e-mail first.",
    conflictMember: "A member of this team cannot evaluate it.",
    conflictSameDepartment:
      "Staff of the same department as team member {{member}} ({{department}}) cannot evaluate this team (conflict of interest rule).",
    alreadyAssigned: "This evaluator is already assigned to this team.",
    notFound: "That evaluation could not be found.",
    hasSubmission: "An evaluator who has submitted an evaluation cannot be unassigned.",
    alreadySubmitted:
      "A submitted evaluation cannot be changed. Ask the coordinators to reopen it if it needs to be.",
    notSubmitted: "This evaluation has not been submitted.",
    scoreOutOfScale: "Give a whole number from 0 to {{max}}.",
    scoreNotScored: "Evaluators do not score this criterion.",
    scoreMissing: "Give this criterion a score to submit.",
    commentTooLong: "A comment can be at most {{max}} characters.",
    commentControlCharacters: "The comment holds characters that cannot be used (control characters).",
    emailInvalid: "Enter a valid e-mail address.",
  },
};
