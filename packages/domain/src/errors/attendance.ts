import type { ErrorTable } from "./error-table";

/** Attendance of trainings and events: marked by the coordinator, or checked in by code. */
export const attendanceErrors = {
  "attendance.item_not_found": { status: 404, message: "attendance.error.itemNotFound" },
  "attendance.not_taken": { status: 409, message: "attendance.error.notTaken" },
  "attendance.not_expected": { status: 400, message: "attendance.error.notExpected" },
  "attendance.code_invalid": { status: 400, message: "attendance.error.codeInvalid" },
  "attendance.code_expired": { status: 400, message: "attendance.error.codeExpired" },
  "attendance.not_for_you": { status: 404, message: "attendance.error.notForYou" },
} as const satisfies ErrorTable;
