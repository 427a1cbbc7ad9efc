import type { TenantDb } from "@mentoring/db";

/**
 * Every calendar item meant for a staff member through the published teams they are in (for everyone,
 * their role, or their team), with its cohort: what their calendar app shows.
 */
export async function calendarItemsFor(tx: TenantDb, tenantId: string, staffMemberId: string) {
  const memberships = await tx.teamMember.findMany({
    where: { tenantId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: {
      role: true,
      team: { select: { id: true, number: true, cohortId: true, cohort: { select: { title: true } } } },
    },
  });
  const items = [];
  for (const { role, team } of memberships) {
    const found = await tx.calendarItem.findMany({
      where: {
        tenantId,
        cohortId: team.cohortId,
        OR: [{ teamId: null }, { teamId: team.id }],
        audience: { in: ["all", role === "mentor" ? "mentors" : "mentees"] },
      },
      orderBy: [{ startsAt: "asc" }, { dueAt: "asc" }],
      select: {
        id: true,
        kind: true,
        title: true,
        titleEn: true,
        description: true,
        place: true,
        startsAt: true,
        endsAt: true,
        dueAt: true,
        signUp: true,
        updatedAt: true,
      },
    });
    items.push(
      ...found.map((item) => ({ ...item, cohortTitle: team.cohort.title, teamNumber: team.number })),
    );
  }
  return items;
}

export type MyCalendarItem = Awaited<ReturnType<typeof calendarItemsFor>>[number];
