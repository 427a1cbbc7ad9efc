/* The coordinator's running view of a cohort's teams, from what the program records. */
export { getTeamProgress, type TeamProgress } from "./get-team-progress";
export { nudgeTeams } from "./nudge-teams";
