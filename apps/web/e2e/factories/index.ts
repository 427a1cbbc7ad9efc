/*
 * What a spec builds for itself before it opens the browser: an organisation copied from a seeded city,
 * accounts, cohorts taken as far as the test needs, sessions. Everything goes through the seed's and the
 * programs' own functions (the ones the pages call), so the data is what the app itself would have made.
 */
export { type Applicant, type CohortPlan, createCohortFor, createTraining, type TestCohort } from "./cohorts";
export {
  answerGangneungSurveys,
  type GangneungCityPlan,
  type GangneungSurveys,
  gangneungCast,
  gangneungCity,
  gangneungOutsiders,
  gangneungTeam,
  oneTeamCity,
} from "./one-team";
export {
  createTenant,
  seededPerson,
  type TenantAccount,
  type TenantOptions,
  type TestStaff,
  type TestTenant,
} from "./tenants";
export { createSession, createUser } from "./users";
