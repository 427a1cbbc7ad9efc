import type { ErrorTable } from "./error-table";

/** Teams' logged activities and meetings. */
export const activityErrors = {
  "activity.not_in_team": { status: 404, message: "activities.error.notInTeam" },
  "activity.topic_required": { status: 400, message: "activities.error.topicRequired" },
  "activity.topic_too_long": { status: 400, message: "activities.error.topicTooLong" },
  "activity.place_too_long": { status: 400, message: "activities.error.placeTooLong" },
  "activity.notes_too_long": { status: 400, message: "activities.error.notesTooLong" },
  "activity.date_invalid": { status: 400, message: "activities.error.dateInvalid" },
  "activity.date_in_future": { status: 400, message: "activities.error.dateInFuture" },
  "activity.minutes_invalid": { status: 400, message: "activities.error.minutesInvalid" },
  "activity.no_team_chosen": { status: 400, message: "activities.error.noTeamChosen" },
  "activity.participant_not_in_team": { status: 400, message: "activities.error.participantNotInTeam" },
} as const satisfies ErrorTable;
