import type { TenantDb } from "@mentoring/db";
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
  const members = await tx.teamMember.findMany({
    where: {
      tenantId,
      cohortId: scope.cohortId,
      ...(scope.teamIds && { teamId: { in: [...scope.teamIds] } }),
    },
    orderBy: [{ team: { number: "asc" } }, { role: "asc" }],
    select: {
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
    staffMemberId: member.application.staffMemberId,
    name: member.application.staffMember.name,
    email: member.application.staffMember.email,
    locale: member.application.staffMember.memberships[0]?.user.locale ?? null,
    teamId: member.team.id,
    teamNumber: member.team.number,
    role: member.role,
  }));
}
