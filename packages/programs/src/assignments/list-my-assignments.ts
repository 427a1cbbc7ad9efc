import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole, SubmissionStatus } from "@mentoring/domain";

export interface MyAssignment {
  itemId: string;
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
  dueAt: Date;
  submission: {
    id: string;
    status: SubmissionStatus;
    text: string;
    links: string[];
    late: boolean;
    submittedAt: Date;
    reviewComment: string;
    featured: boolean;
  } | null;
}

export interface MyTeamAssignments {
  cohortId: string;
  cohortTitle: string;
  teamNumber: number;
  myRole: ApplicationRole;
  assignments: MyAssignment[];
}

/**
 * The assignments of every published team the staff member is in, newest cohort first, each with the
 * team's submission: those for everyone, for the member's role, or for the team alone, by due moment.
 */
export async function listMyAssignments(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<MyTeamAssignments[]> {
  const { tenantId, staffMemberId } = input;
  const memberships = await tx.teamMember.findMany({
    where: { tenantId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: {
      role: true,
      team: {
        select: {
          id: true,
          number: true,
          cohort: { select: { id: true, title: true, createdAt: true } },
        },
      },
    },
  });
  const result: MyTeamAssignments[] = [];
  for (const { role, team } of memberships.sort(
    (a, b) => b.team.cohort.createdAt.getTime() - a.team.cohort.createdAt.getTime(),
  )) {
    const items = await tx.calendarItem.findMany({
      where: {
        tenantId,
        cohortId: team.cohort.id,
        kind: "assignment",
        OR: [{ teamId: null }, { teamId: team.id }],
        audience: { in: ["all", role === "mentor" ? "mentors" : "mentees"] },
      },
      orderBy: [{ dueAt: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        titleEn: true,
        description: true,
        descriptionEn: true,
        dueAt: true,
        submissions: {
          where: { tenantId, teamId: team.id },
          select: {
            id: true,
            status: true,
            text: true,
            links: true,
            late: true,
            submittedAt: true,
            reviewComment: true,
            featuredAt: true,
          },
        },
      },
    });
    result.push({
      cohortId: team.cohort.id,
      cohortTitle: team.cohort.title,
      teamNumber: team.number,
      myRole: role,
      assignments: items.map(({ submissions, dueAt, ...item }) => {
        const [submission] = submissions;
        return {
          ...item,
          itemId: item.id,
          dueAt: dueAt as Date,
          submission: submission
            ? {
                id: submission.id,
                status: submission.status,
                text: submission.text,
                links: submission.links,
                late: submission.late,
                submittedAt: submission.submittedAt,
                reviewComment: submission.reviewComment,
                featured: submission.featuredAt !== null,
              }
            : null,
        };
      }),
    });
  }
  return result;
}
