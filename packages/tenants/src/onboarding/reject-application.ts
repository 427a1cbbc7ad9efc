import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";

/** Rejects a pending application with the operator's reason; one already reviewed is refused. */
export async function rejectApplication(
  db: Database,
  input: { applicationId: string; reason: string; operatorId: string },
): Promise<{ organisation: string; email: string }> {
  const { applicationId, reason, operatorId } = input;
  const updated = await db.platform.tenantApplication.updateMany({
    where: { id: applicationId, status: "pending" },
    data: {
      status: "rejected",
      reviewedAt: new Date(),
      reviewedByUserId: operatorId,
      rejectionReason: reason,
    },
  });
  if (updated.count === 0) throw new AppError("onboarding.already_reviewed");
  const application = await db.platform.tenantApplication.findUniqueOrThrow({ where: { id: applicationId } });
  return { organisation: application.organisationName, email: application.contactEmail };
}
