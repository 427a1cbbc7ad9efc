export { defaultCohortTitle } from "../records/cohort-number";
export { transitionFacts } from "../records/transition-facts";
export { type AdvanceLog, type AdvanceSummary, advanceCohortsByDate } from "./advance-cohorts-by-date";
export { type CohortCreateInput, cohortCreateSchema, createCohort } from "./create-cohort";
export { type CohortOverview, getCohortOverview } from "./get-cohort-overview";
export { getNewCohortDefaults } from "./get-new-cohort-defaults";
export { type CohortSummary, listCohorts } from "./list-cohorts";
export { type TransitionInput, transitionCohort } from "./transition-cohort";
export { updateCohortSchedule } from "./update-cohort-schedule";
