/*
 * Outcomes of a cohort (issue 16): how its diagnostic scores changed from the pre to the post survey per
 * person, team and cohort, how satisfied people were, and how it compares with the cohort before it. The
 * statistics are the domain's (outcomes.ts); these use cases read what they need.
 */
export {
  type CohortOutcomesView,
  getCohortOutcomes,
  type OutcomeDimension,
  type OutcomePersonRow,
  type OutcomeTeam,
  type SatisfactionSet,
} from "./get-cohort-outcomes";
