import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";
import { dayOf } from "../records/cohort-record";

/**
 * For each published team the staff member is in: its members (to name who took part) and what it has
 * logged, newest first, notes included: the team's own record.
 */
export async function listTeamActivities(tx: TenantDb, input: { tenantId: string; staffMemberId: string }) {
  const { tenantId, staffMemberId } = input;
  const memberships = await tx.teamMember.findMany({
    where: { tenantId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: {
      team: {
        select: {
          id: true,
          number: true,
          cohort: { select: { id: true, title: true, createdAt: true } },
          members: {
            where: { tenantId },
            orderBy: { role: "asc" },
            select: {
              applicationId: true,
              role: true,
              application: { select: { staffMemberId: true, staffMember: { select: { name: true } } } },
            },
          },
          activities: {
            where: { tenantId },
            orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }],
            take: 100,
            select: {
              id: true,
              kind: true,
              happenedOn: true,
              minutes: true,
              place: true,
              topic: true,
              notes: true,
              participants: { where: { tenantId }, select: { applicationId: true } },
            },
          },
        },
      },
    },
  });
  return memberships
    .sort((a, b) => b.team.cohort.createdAt.getTime() - a.team.cohort.createdAt.getTime())
    .map(({ team }) => {
      const names = new Map(
        team.members.map((member) => [member.applicationId, member.application.staffMember.name]),
      );
      return {
        cohortId: team.cohort.id,
        cohortTitle: team.cohort.title,
        teamNumber: team.number,
        members: team.members.map((member) => ({
          applicationId: member.applicationId,
          name: member.application.staffMember.name,
          role: member.role as ApplicationRole,
          isMe: member.application.staffMemberId === staffMemberId,
        })),
        activities: team.activities.map((activity) => ({
          id: activity.id,
          kind: activity.kind,
          happenedOn: dayOf(activity.happenedOn),
          minutes: activity.minutes,
          place: activity.place,
          topic: activity.topic,
          notes: activity.notes,
          participants: activity.participants.map(
            (participant) => names.get(participant.applicationId) ?? "",
          ),
          /** Whose activity it was (the access log records a teammate reading a meeting's notes). */
          participantIds: activity.participants.map((participant) => participant.applicationId),
        })),
      };
    });
}

export type TeamActivities = Awaited<ReturnType<typeof listTeamActivities>>;
