import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, allowsWithdrawal, type CohortStatus } from "@mentoring/domain";
import { liveApplicationOf, type OwnApplicationInput } from "../records/application-record";
import { loadCohort } from "../records/cohort-record";
import { fillFromWaitlist } from "../records/placement";

/**
 * The applicant withdraws (or a nominee declines), while the cohort still allows it. A place they held
 * goes to the earliest waitlisted applicant of the same role. Returns the promoted applications.
 */
export async function withdrawApplication(
  tx: TenantDb,
  input: OwnApplicationInput,
): Promise<{ promoted: string[] }> {
  const record = await loadCohort(tx, input.tenantId, input.cohortId, { lock: true });
  if (!allowsWithdrawal(record.cohort.status as CohortStatus))
    throw new AppError("recruitment.withdrawal_closed");
  const application = await liveApplicationOf(tx, input);
  await tx.application.update({
    where: { id: application.id },
    data: { status: "withdrawn", withdrawnAt: input.now },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action:
      application.nominatedByUserId && !application.consentAt
        ? "application.decline"
        : "application.withdraw",
    entityType: "application",
    entityId: application.id,
    before: { status: application.status },
    after: { status: "withdrawn" },
    requestId: input.requestId,
  });
  return { promoted: await fillFromWaitlist(tx, input, record, application.role) };
}
