import type { ErrorTable } from "./error-table";

/** A cohort's program calendar: its items and their moments, and signing up for its events. */
export const calendarErrors = {
  "calendar.item_not_found": { status: 404, message: "calendar.error.itemNotFound" },
  "calendar.title_required": { status: 400, message: "calendar.error.titleRequired" },
  "calendar.title_too_long": { status: 400, message: "calendar.error.titleTooLong" },
  "calendar.place_too_long": { status: 400, message: "calendar.error.placeTooLong" },
  "calendar.description_too_long": { status: 400, message: "calendar.error.descriptionTooLong" },
  "calendar.start_invalid": { status: 400, message: "calendar.error.startInvalid" },
  "calendar.end_invalid": { status: 400, message: "calendar.error.endInvalid" },
  "calendar.due_invalid": { status: 400, message: "calendar.error.dueInvalid" },
  "calendar.ends_before_start": { status: 400, message: "calendar.error.endsBeforeStart" },
  "calendar.item_has_submissions": { status: 409, message: "calendar.error.itemHasSubmissions" },
  "calendar.team_not_found": { status: 400, message: "calendar.error.teamNotFound" },
  "calendar.sign_up_not_open": { status: 409, message: "calendar.error.signUpNotOpen" },
  "calendar.sign_up_closed": { status: 409, message: "calendar.error.signUpClosed" },
  "calendar.event_full": { status: 409, message: "calendar.error.eventFull" },
  "calendar.event_started": { status: 409, message: "calendar.error.eventStarted" },
  "calendar.sign_up_events_only": { status: 400, message: "calendar.error.signUpEventsOnly" },
  "calendar.capacity_invalid": { status: 400, message: "calendar.error.capacityInvalid" },
  "calendar.capacity_below_signups": { status: 400, message: "calendar.error.capacityBelowSignups" },
  "calendar.sign_up_closes_invalid": { status: 400, message: "calendar.error.signUpClosesInvalid" },
  "calendar.sign_up_closes_after_start": { status: 400, message: "calendar.error.signUpClosesAfterStart" },
} as const satisfies ErrorTable;
