/*
 * Attendance of trainings, events and the ceremony without 38 clicks: the coordinator marks people, a
 * team or everyone at once, or shows a QR code that participants scan to check themselves in (a signed
 * code for one item or one cohort's ceremony, working for a quarter of an hour: check-in-code.ts).
 */

export { CHECK_IN_MINUTES, type CheckInTarget, issueCheckInCode } from "../records/check-in-code";
export { checkIn } from "./check-in";
export { checkInToCeremony } from "./check-in-to-ceremony";
export { getCeremonyCheckIn } from "./get-ceremony-check-in";
export { getCheckIn } from "./get-check-in";
export { getItemAttendance, type ItemAttendance } from "./get-item-attendance";
export { markAttendance } from "./mark-attendance";
