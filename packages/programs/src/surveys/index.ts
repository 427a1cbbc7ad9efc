/*
 * Survey rounds: a question set of a cohort's template given at one phase (pre at orientation, post at
 * evaluation). Participants answer with drafts saved as they go and submit once; coordinators follow
 * completion, remind and close. Every use case takes the caller's transaction (inside withTenant) and
 * filters by tenant as well, except the daily run, which opens one per tenant.
 */
export { formatCalendarDay } from "../records/survey-mail";
export { closeDueRounds } from "./close-due-rounds";
export { closeRound } from "./close-round";
export { countOpenRounds } from "./count-open-rounds";
export { getParticipantRound, type ParticipantRound } from "./get-participant-round";
export { getRoundCompletion, type ParticipantProgress, type RoundCompletion } from "./get-round-completion";
export { listParticipantRounds, type ParticipantRoundSummary } from "./list-participant-rounds";
export { openSurveyRounds } from "./open-survey-rounds";
export { type ReminderOutcome, remindRound } from "./remind-round";
export { saveDraft } from "./save-draft";
export { type ReminderRun, sendSurveyReminders } from "./send-survey-reminders";
export { type SubmitResult, submitResponse } from "./submit-response";
