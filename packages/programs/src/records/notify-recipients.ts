import type { TenantDb } from "@mentoring/db";
import { cohortMembers } from "./cohort-members";
import type { NoticeRecipient } from "./notify";

export interface TeamRecipient extends NoticeRecipient {
  teamId: string;
  teamNumber: number;
  role: "mentor" | "mentee";
}

/**
 * The members of a cohort's published teams (all, or the teams named), as people to tell: their name,
 * address and account language, with their team. In team order, mentors first.
 */
export async function teamRecipients(
  tx: TenantDb,
  tenantId: string,
  scope: { cohortId: string; teamIds?: readonly string[] },
): Promise<TeamRecipient[]> {
  return cohortMembers(tx, tenantId, [scope.cohortId], { teamIds: scope.teamIds });
}
