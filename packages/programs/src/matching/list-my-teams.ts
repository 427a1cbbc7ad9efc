import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";

export interface MyTeam {
  cohortId: string;
  cohortTitle: string;
  teamNumber: number;
  myRole: ApplicationRole;
  members: {
    name: string;
    role: ApplicationRole;
    department: string;
    positionTitle: string;
    email: string | null;
    phone: string | null;
    isMe: boolean;
  }[];
}

/** The published teams the staff member is in (one per cohort); nothing before publication. */
export async function listMyTeams(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<MyTeam[]> {
  const { tenantId, staffMemberId } = input;
  const mine = await tx.teamMember.findMany({
    where: { tenantId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: {
      role: true,
      team: {
        select: {
          number: true,
          cohort: { select: { id: true, title: true, createdAt: true } },
          members: {
            where: { tenantId },
            orderBy: [{ role: "asc" }, { application: { submittedAt: "asc" } }],
            select: {
              role: true,
              application: {
                select: {
                  staffMemberId: true,
                  staffMember: {
                    select: {
                      name: true,
                      positionTitle: true,
                      email: true,
                      phone: true,
                      department: { select: { name: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  return mine
    .sort((a, b) => b.team.cohort.createdAt.getTime() - a.team.cohort.createdAt.getTime())
    .map(({ role, team }) => ({
      cohortId: team.cohort.id,
      cohortTitle: team.cohort.title,
      teamNumber: team.number,
      myRole: role,
      members: team.members.map((member) => {
        const staff = member.application.staffMember;
        return {
          name: staff.name,
          role: member.role,
          department: staff.department.name,
          positionTitle: staff.positionTitle,
          email: staff.email,
          phone: staff.phone,
          isMe: member.application.staffMemberId === staffMemberId,
        };
      }),
    }));
}
