import type { TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  type ApplicationStatus,
  allowsWithdrawal,
  type CohortStatus,
} from "@mentoring/domain";
import { LIVE, waitlistPositions } from "../records/cohort-places";

export interface OwnApplication {
  applicationId: string;
  cohortId: string;
  cohortTitle: string;
  cohortStatus: CohortStatus;
  role: ApplicationRole;
  status: ApplicationStatus;
  waitlistPosition: number | null;
  nominated: boolean;
  /** A nominee who has not yet agreed. */
  consentPending: boolean;
  submittedAt: Date;
  rejectionReason: string | null;
  mayWithdraw: boolean;
}

/** A staff member's applications, newest first, with their waitlist places. */
export async function listStaffApplications(
  tx: TenantDb,
  {
    tenantId,
    staffMemberId,
    cohortId,
  }: {
    tenantId: string;
    staffMemberId: string;
    /** Only the application to this cohort. */
    cohortId?: string;
  },
): Promise<OwnApplication[]> {
  const applications = await tx.application.findMany({
    where: { tenantId, staffMemberId, ...(cohortId && { cohortId }) },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      cohortId: true,
      role: true,
      status: true,
      nominatedByUserId: true,
      consentAt: true,
      submittedAt: true,
      rejectionReason: true,
      cohort: { select: { title: true, status: true } },
    },
  });
  const positions = new Map<string, Map<string, number>>();
  const own: OwnApplication[] = [];
  for (const application of applications) {
    let waitlist: Map<string, number> | undefined;
    if (application.status === "waitlisted") {
      waitlist = positions.get(application.cohortId);
      if (!waitlist) {
        waitlist = await waitlistPositions(tx, tenantId, application.cohortId);
        positions.set(application.cohortId, waitlist);
      }
    }
    const cohortStatus = application.cohort.status as CohortStatus;
    const live = LIVE.includes(application.status);
    own.push({
      applicationId: application.id,
      cohortId: application.cohortId,
      cohortTitle: application.cohort.title,
      cohortStatus,
      role: application.role,
      status: application.status,
      waitlistPosition: waitlist?.get(application.id) ?? null,
      nominated: application.nominatedByUserId !== null,
      consentPending: live && application.nominatedByUserId !== null && application.consentAt === null,
      submittedAt: application.submittedAt,
      rejectionReason: application.rejectionReason,
      mayWithdraw: live && allowsWithdrawal(cohortStatus),
    });
  }
  return own;
}
