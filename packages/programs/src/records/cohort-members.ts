import type { TenantDb } from "@mentoring/db";
import type { NoticeRecipient } from "./notify";

export interface CohortMember extends NoticeRecipient {
  cohortId: string;
  applicationId: string;
  role: "mentor" | "mentee";
  teamId: string;
  teamNumber: number;
}

/**
 * The members of the published teams of the given cohorts (all their teams, or the teams named), with
 * their address and account language, read with one query: what the daily jobs filter per calendar item
 * (isForItem) instead of reading per item, and whom a notice about teams goes to. In cohort, team and role
 * order.
 */
export async function cohortMembers(
  tx: TenantDb,
  tenantId: string,
  cohortIds: readonly string[],
  { teamIds }: { teamIds?: readonly string[] } = {},
): Promise<CohortMember[]> {
  if (cohortIds.length === 0) return [];
  const members = await tx.teamMember.findMany({
    where: {
      tenantId,
      cohortId: { in: [...new Set(cohortIds)] },
      ...(teamIds && { teamId: { in: [...teamIds] } }),
    },
    orderBy: [{ cohortId: "asc" }, { team: { number: "asc" } }, { role: "asc" }],
    select: {
      cohortId: true,
      applicationId: true,
      role: true,
      team: { select: { id: true, number: true } },
      application: {
        select: {
          staffMemberId: true,
          staffMember: {
            select: {
              name: true,
              email: true,
              memberships: { where: { tenantId }, take: 1, select: { user: { select: { locale: true } } } },
            },
          },
        },
      },
    },
  });
  return members.map((member) => ({
    cohortId: member.cohortId,
    applicationId: member.applicationId,
    staffMemberId: member.application.staffMemberId,
    name: member.application.staffMember.name,
    email: member.application.staffMember.email,
    locale: member.application.staffMember.memberships[0]?.user.locale ?? null,
    role: member.role,
    teamId: member.team.id,
    teamNumber: member.team.number,
  }));
}

/** Whether a calendar item is for this member: its cohort, and everyone, one role or one team. */
export function isForItem(
  item: { cohortId: string; teamId: string | null; audience: "all" | "mentors" | "mentees" },
  member: Pick<CohortMember, "cohortId" | "teamId" | "role">,
): boolean {
  if (member.cohortId !== item.cohortId) return false;
  if (item.teamId && member.teamId !== item.teamId) return false;
  if (item.audience === "mentors") return member.role === "mentor";
  if (item.audience === "mentees") return member.role === "mentee";
  return true;
}
