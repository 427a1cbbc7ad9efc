import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type ApplicationRole,
  acceptsApplications,
  applicationRoles,
  CONSENT_VERSION,
  type CohortStatus,
  recruitedRoles,
  recruitmentWindowAt,
} from "@mentoring/domain";
import { existingApplication } from "../records/application-record";
import { loadCohort } from "../records/cohort-record";
import type { Acting } from "../records/decision-mail";
import { type PlacementOutcome, place } from "../records/placement";
import { loadStaff } from "../records/staff-candidate";

export interface ApplyInput extends Acting {
  cohortId: string;
  staffMemberId: string;
  role: ApplicationRole;
  /** The consent text version the applicant agreed to; anything but the current one is no consent. */
  consentVersion: string | null | undefined;
}

/**
 * A staff member applies for a role. Refused (AppError) unless the cohort is recruiting and today, on the
 * tenant's calendar, is one of its days of recruitment (the first to the last, both included), the person is
 * on the active staff, has no live application there, and consents to the current text; refused with
 * every reason when not eligible; otherwise accepted or waitlisted, mailed and audited.
 */
export async function applyToCohort(tx: TenantDb, input: ApplyInput): Promise<PlacementOutcome> {
  const { tenantId, cohortId, staffMemberId, role } = input;
  if (!applicationRoles.includes(role)) throw new AppError("recruitment.unknown_role");
  if (input.consentVersion !== CONSENT_VERSION) throw new AppError("recruitment.consent_required");
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  // A junior board's members apply in one role: the other is no role of the program.
  if (!recruitedRoles(record.definition.kind).includes(role)) throw new AppError("recruitment.unknown_role");
  if (!acceptsApplications(record.cohort.status as CohortStatus))
    throw new AppError("recruitment.not_recruiting");
  const { timeZone } = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { timeZone: true },
  });
  const window = recruitmentWindowAt(record.schedule, input.now, timeZone);
  if (window.state !== "open") {
    const dates = { opensOn: record.schedule.recruitmentStart, closesOn: record.schedule.recruitmentEnd };
    throw new AppError(
      window.state === "not_yet_open" ? "recruitment.not_open_yet" : "recruitment.recruitment_closed",
      dates,
    );
  }
  const staff = await loadStaff(tx, tenantId, { id: staffMemberId });
  if (!staff) throw new AppError("recruitment.not_on_staff");
  if (!staff.active) throw new AppError("recruitment.inactive");
  const previous = await existingApplication(tx, tenantId, cohortId, staffMemberId);
  if (previous && previous.status !== "withdrawn") throw new AppError("recruitment.already_applied");
  return place(tx, input, record, staff, role, {
    consentVersion: CONSENT_VERSION,
    nominatedByUserId: null,
    previous,
  });
}
