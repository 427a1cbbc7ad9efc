/* The coordinator's running view of a cohort's teams, from what the program records. */

export { type CohortDashboard, getCohortDashboard } from "./get-cohort-dashboard";
export { getTeamProgress, type TeamProgress } from "./get-team-progress";
export { type NudgeRun, nudgeSilentTeams } from "./nudge-silent-teams";
export { nudgeTeams } from "./nudge-teams";
