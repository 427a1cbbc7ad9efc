import type { ErrorTable } from "./error-table";

/** Applications, nominations, withdrawals and rejections. */
export const recruitmentErrors = {
  "recruitment.already_applied": { status: 409, message: "recruitment.error.alreadyApplied" },
  "recruitment.already_consented": { status: 409, message: "recruitment.error.alreadyConsented" },
  "recruitment.consent_required": { status: 400, message: "recruitment.error.consentRequired" },
  "recruitment.inactive": { status: 409, message: "recruitment.error.inactive" },
  "recruitment.no_application": { status: 404, message: "recruitment.error.noApplication" },
  "recruitment.no_employee_numbers": { status: 400, message: "recruitment.error.noEmployeeNumbers" },
  /** The signed-in account is not linked to a person of the staff directory, so it cannot apply. */
  "recruitment.no_staff_record": { status: 409, message: "recruitment.apply.noStaffRecord" },
  "recruitment.not_live": { status: 409, message: "recruitment.error.notLive" },
  "recruitment.not_on_staff": { status: 404, message: "recruitment.error.notOnStaff" },
  "recruitment.not_recruiting": { status: 409, message: "recruitment.error.notRecruiting" },
  /** Before the cohort's first day of recruitment, in the tenant's time zone (params: opensOn, closesOn). */
  "recruitment.not_open_yet": { status: 409, message: "recruitment.error.notOpenYet" },
  /** After its last day (params: opensOn, closesOn). */
  "recruitment.recruitment_closed": { status: 409, message: "recruitment.error.recruitmentClosed" },
  "recruitment.reason_required": { status: 400, message: "recruitment.error.reasonRequired" },
  "recruitment.reason_too_long": { status: 400, message: "recruitment.error.reasonTooLong" },
  "recruitment.rejection_closed": { status: 409, message: "recruitment.error.rejectionClosed" },
  "recruitment.too_many_employee_numbers": {
    status: 400,
    message: "recruitment.error.tooManyEmployeeNumbers",
  },
  "recruitment.unknown_role": { status: 400, message: "recruitment.error.role" },
  "recruitment.withdrawal_closed": { status: 409, message: "recruitment.error.withdrawalClosed" },
} as const satisfies ErrorTable;
