/*
 * Evaluating teams when a cohort closes (issue 16): the coordinator assigns evaluators to teams (staff of
 * the tenant, or outside trainers invited by e-mail) under the conflict-of-interest rule; each evaluator
 * scores their assigned teams against the template's rubric, saves drafts, submits once; the coordinator
 * alone reopens a submission. What may be saved: packages/domain evaluation-input.ts.
 */

export { type CohortResultsInput, cohortResultsOf } from "../records/cohort-results";
export { assignEvaluator } from "./assign-evaluator";
export {
  type CohortEvaluations,
  type CohortEvaluator,
  getCohortEvaluations,
} from "./get-cohort-evaluations";
export {
  type CohortResults,
  getCohortResults,
  type ResultsAward,
  type ResultsCriterion,
  type ResultsRank,
  type ResultsTeam,
} from "./get-cohort-results";
export { getTeamEvaluation, type TeamEvaluationView } from "./get-team-evaluation";
export { type CohortTeamFacts, getTeamFacts, type TeamFactsRow } from "./get-team-facts";
export { getTeamPortfolio, type TeamPortfolio } from "./get-team-portfolio";
export { inviteEvaluator } from "./invite-evaluator";
export { type EvaluatorChoice, type EvaluatorChoices, listEvaluatorChoices } from "./list-evaluator-choices";
export { listMyEvaluationTeams, type MyEvaluationTeam } from "./list-my-evaluation-teams";
export { reopenEvaluation } from "./reopen-evaluation";
export { saveEvaluationDraft } from "./save-evaluation-draft";
export { submitEvaluation } from "./submit-evaluation";
export { unassignEvaluator } from "./unassign-evaluator";
