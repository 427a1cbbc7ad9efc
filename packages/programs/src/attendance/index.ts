/*
 * Attendance of trainings and events without 38 clicks: the coordinator marks people, a team or everyone
 * at once, or shows a QR code that participants scan to check themselves in (a signed code for one item,
 * working for a quarter of an hour: check-in-code.ts).
 */

export { CHECK_IN_MINUTES, issueCheckInCode } from "../records/check-in-code";
export { checkIn } from "./check-in";
export { getCheckIn } from "./get-check-in";
export { getItemAttendance, type ItemAttendance } from "./get-item-attendance";
export { markAttendance } from "./mark-attendance";
