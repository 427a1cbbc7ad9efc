import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, allowsWithdrawal, type CohortStatus } from "@mentoring/domain";
import { LIVE } from "../records/cohort-places";
import { loadCohort } from "../records/cohort-record";
import { type Acting, mailDecision } from "../records/decision-mail";
import { fillFromWaitlist } from "../records/placement";

export const REJECTION_REASON_MAX = 500;

export interface RejectInput extends Acting {
  cohortId: string;
  applicationId: string;
  reason: string;
}

/**
 * The coordinator turns an application down with a reason the applicant is told; the place it held goes
 * to the earliest waitlisted applicant of the same role.
 */
export async function rejectApplication(tx: TenantDb, input: RejectInput): Promise<{ promoted: string[] }> {
  const reason = input.reason.trim();
  if (reason === "") throw new AppError("recruitment.reason_required");
  if (reason.length > REJECTION_REASON_MAX)
    throw new AppError("recruitment.reason_too_long", { max: REJECTION_REASON_MAX });
  const record = await loadCohort(tx, input.tenantId, input.cohortId, { lock: true });
  if (!allowsWithdrawal(record.cohort.status as CohortStatus))
    throw new AppError("recruitment.rejection_closed");
  const application = await tx.application.findFirst({
    where: { tenantId: input.tenantId, cohortId: input.cohortId, id: input.applicationId },
    select: {
      id: true,
      role: true,
      status: true,
      staffMember: { select: { id: true, name: true, email: true } },
    },
  });
  if (!application) throw new AppError("recruitment.no_application");
  if (!LIVE.includes(application.status)) throw new AppError("recruitment.not_live");
  await tx.application.update({
    where: { id: application.id },
    data: { status: "rejected", rejectionReason: reason, decidedAt: input.now },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: "application.reject",
    entityType: "application",
    entityId: application.id,
    before: { status: application.status },
    after: { status: "rejected", reason },
    requestId: input.requestId,
  });
  await mailDecision(tx, input, record, application.staffMember, "rejected");
  return { promoted: await fillFromWaitlist(tx, input, record, application.role) };
}
