/*
 * What teams do between the program's own events: meetings and counselling of a mentor and mentee, and
 * a team's own activities, logged from a phone. The notes are the team's; coordinators see how often teams
 * meet (progress/), never what they wrote.
 */
export { listTeamActivities, type TeamActivities } from "./list-team-activities";
export { logActivity } from "./log-activity";
