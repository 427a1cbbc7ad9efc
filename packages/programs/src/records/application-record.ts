import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { LIVE } from "./cohort-places";
import type { Acting } from "./decision-mail";

/** The staff member's application to the cohort, in whatever state. */
export function existingApplication(tx: TenantDb, tenantId: string, cohortId: string, staffMemberId: string) {
  return tx.application.findFirst({
    where: { tenantId, cohortId, staffMemberId },
    select: { id: true, status: true, role: true },
  });
}

export interface OwnApplicationInput extends Acting {
  cohortId: string;
  staffMemberId: string;
}

/** The person's live application, or a 404 refusal. */
export async function liveApplicationOf(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; staffMemberId: string },
) {
  const application = await tx.application.findFirst({
    where: {
      tenantId: input.tenantId,
      cohortId: input.cohortId,
      staffMemberId: input.staffMemberId,
      status: { in: LIVE },
    },
    select: {
      id: true,
      role: true,
      status: true,
      consentAt: true,
      nominatedByUserId: true,
      staffMember: { select: { id: true, name: true, email: true } },
    },
  });
  if (!application) throw new AppError("recruitment.no_application");
  return application;
}
