/*
 * Matching runs of a cohort: the snapshot of its problem, the worker's solve, the coordinator's review
 * (swaps, moves, pins, forbids, exclusions), publication as the cohort's teams, and each participant's own team.
 * Applications are the people: every id below that names a person is an application id.
 */
export type { RuleViolation, RunSummary } from "../records/matching-run";
export { editRunTeams, type TeamEdit } from "./edit-run-teams";
export { getMatchingReview, type MatchingReview } from "./get-matching-review";
export {
  getRun,
  type PairExplanation,
  type ReviewedTeam,
  type RunPerson,
  type RunView,
  type ScorePart,
} from "./get-run";
export { listMyTeams, type MyTeam } from "./list-my-teams";
export { listRuns } from "./list-runs";
export { publishRun } from "./publish-run";
export { runMatching } from "./run-matching";
export { setExclusion } from "./set-exclusion";
export { setPairRule } from "./set-pair-rule";
export { startMatchingRun } from "./start-matching-run";
