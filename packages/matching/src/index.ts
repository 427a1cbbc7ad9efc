export { allowedPairs, greedyBaseline, greedyFill, maxTeams } from "./construct";
export type {
  IssueCode,
  IssueParams,
  MatchingIssue,
  UnplacedCode,
  UnplacedParams,
  UnplacedReason,
} from "./diagnostics";
export {
  evaluateTeams,
  type TeamAssignment,
  type TeamEvaluation,
  type TeamsEvaluation,
  type TeamViolation,
} from "./evaluate";
export { hardRuleViolations } from "./hard-rules";
export { buildInstance, type Instance, type PairRule } from "./instance";
export {
  type Constraints,
  type Criterion,
  criterionId,
  criterionSchema,
  type MatchingProblem,
  type MatchingProblemInput,
  matchingProblemSchema,
  type Participant,
  parseMatchingProblem,
  participantSchema,
  type SolverSettings,
  TEAM_SIDE_LIMIT,
  type TeamShape,
  teamShapeSchema,
} from "./problem";
export type { MatchingResult, MatchingStats, PairResult, TeamResult, UnplacedPerson } from "./result";
export type { MatchingPhase } from "./run-control";
export { type PairCriterionPoints, SCORE_UNIT } from "./scoring";
export { capacityIssues, type MatchingOptions, solveMatching } from "./solve";
export { reverseCriteria, type SyntheticOptions, standardCriteria, syntheticProblem } from "./synthetic";
export { type TeamDraft, teamUnits } from "./team";
