import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";

/** The published team the staff member is in within the cohort, and their role there, or null. */
export async function myTeamInCohort(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; staffMemberId: string },
): Promise<{ teamId: string; role: ApplicationRole } | null> {
  const { tenantId, cohortId, staffMemberId } = input;
  const member = await tx.teamMember.findFirst({
    where: { tenantId, cohortId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: { teamId: true, role: true },
  });
  return member ? { teamId: member.teamId, role: member.role } : null;
}
