/*
 * Program events that take sign-ups (workshops, concerts, the executive meeting, the radio-DJ hour): the
 * participant's view of a calendar item, taking a place and giving it back. The rules of places and
 * closing moments are pure (packages/domain event-sign-up.ts); capacity holds under concurrent sign-ups
 * by a lock on the event's row (records/event-place.ts). The coordinator sees who signed up on the
 * attendance sheet (attendance/get-item-attendance.ts).
 */
export { getMyCalendarItem, type MyCalendarItemPage } from "./get-my-calendar-item";
export { signUpForEvent } from "./sign-up-for-event";
export { withdrawFromEvent } from "./withdraw-from-event";
