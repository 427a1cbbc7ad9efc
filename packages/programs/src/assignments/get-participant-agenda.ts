import type { TenantDb } from "@mentoring/db";
import type { CalendarItemKind, SubmissionStatus } from "@mentoring/domain";

/** How far ahead the home looks for what is next. */
const LOOKAHEAD = 20;

export interface AgendaItem {
  itemId: string;
  kind: CalendarItemKind;
  title: string;
  titleEn: string | null;
  place: string;
  /** An assignment's due moment, or when an event starts. */
  at: Date;
  cohortTitle: string;
  teamNumber: number;
  /** Assignments: the team's submission status, or null when nothing is handed in yet. */
  submissionStatus: SubmissionStatus | null;
}

/**
 * What is next for a participant, across the published teams they are in: the next assignment their team
 * has not had accepted, and the next training, event or mentoring day for them (for everyone, their role,
 * or their team). For the home page, phone first.
 */
export async function getParticipantAgenda(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string; now: Date },
): Promise<{ nextAssignment: AgendaItem | null; nextEvent: AgendaItem | null; teams: number }> {
  const { tenantId, staffMemberId, now } = input;
  const memberships = await tx.teamMember.findMany({
    where: { tenantId, application: { tenantId, staffMemberId, status: "accepted" } },
    select: {
      role: true,
      team: { select: { id: true, number: true, cohortId: true, cohort: { select: { title: true } } } },
    },
  });
  if (memberships.length === 0) return { nextAssignment: null, nextEvent: null, teams: 0 };
  const byCohort = new Map(memberships.map((member) => [member.team.cohortId, member]));
  const select = {
    id: true,
    kind: true,
    title: true,
    titleEn: true,
    place: true,
    cohortId: true,
    teamId: true,
    audience: true,
    dueAt: true,
    startsAt: true,
    submissions: { where: { tenantId }, select: { teamId: true, status: true } },
  } as const;
  const cohortIds = [...byCohort.keys()];
  // Assignments by due moment and events by start, each its own list: one would crowd out the other.
  const [assignments, events] = await Promise.all([
    tx.calendarItem.findMany({
      where: { tenantId, cohortId: { in: cohortIds }, kind: "assignment", dueAt: { gte: now } },
      orderBy: { dueAt: "asc" },
      take: LOOKAHEAD,
      select,
    }),
    tx.calendarItem.findMany({
      where: { tenantId, cohortId: { in: cohortIds }, kind: { not: "assignment" }, startsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: LOOKAHEAD,
      select,
    }),
  ]);
  const upcoming = [...assignments, ...events];
  const agenda: AgendaItem[] = [];
  for (const item of upcoming) {
    const member = byCohort.get(item.cohortId);
    if (!member) continue;
    const forMe =
      (item.teamId === null || item.teamId === member.team.id) &&
      (item.audience === "all" || item.audience === (member.role === "mentor" ? "mentors" : "mentees"));
    if (!forMe) continue;
    agenda.push({
      itemId: item.id,
      kind: item.kind,
      title: item.title,
      titleEn: item.titleEn,
      place: item.place,
      at: (item.dueAt ?? item.startsAt) as Date,
      cohortTitle: member.team.cohort.title,
      teamNumber: member.team.number,
      submissionStatus:
        item.submissions.find((submission) => submission.teamId === member.team.id)?.status ?? null,
    });
  }
  agenda.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    nextAssignment:
      agenda.find((item) => item.kind === "assignment" && item.submissionStatus !== "accepted") ?? null,
    nextEvent: agenda.find((item) => item.kind !== "assignment") ?? null,
    teams: memberships.length,
  };
}
