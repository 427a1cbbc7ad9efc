/*
 * A person's program calendar in their own calendar app: a secret subscription address (revocable, one at
 * a time) and a download per item. The iCalendar text itself is written by the web app.
 */
export type { MyCalendarItem } from "../records/my-calendar-items";
export { createCalendarFeed } from "./create-calendar-feed";
export { getFeedCalendar } from "./get-feed-calendar";
export { getMyCalendar } from "./get-my-calendar";
export { revokeCalendarFeed } from "./revoke-calendar-feed";
