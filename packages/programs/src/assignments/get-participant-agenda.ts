import type { TenantSql } from "@mentoring/db";
import type { CalendarAudience, CalendarItemKind, SubmissionStatus } from "@mentoring/domain";

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
 * or their team). For the home page, phone first: two statements in SQL (ADR 0019).
 */
export async function getParticipantAgenda(
  sql: TenantSql,
  input: { tenantId: string; staffMemberId: string; now: Date },
): Promise<{ nextAssignment: AgendaItem | null; nextEvent: AgendaItem | null; teams: number }> {
  const { tenantId, staffMemberId, now } = input;
  const { rows: memberships } = await sql.query<{
    role: "mentor" | "mentee";
    teamId: string;
    teamNumber: number;
    cohortId: string;
    cohortTitle: string;
  }>(
    `select m.role::text as role, t.id as "teamId", t.number as "teamNumber", t.cohort_id as "cohortId",
            c.title as "cohortTitle"
       from team_members m
       join applications a on a.tenant_id = m.tenant_id and a.id = m.application_id
       join teams t on t.tenant_id = m.tenant_id and t.id = m.team_id
       join cohorts c on c.tenant_id = t.tenant_id and c.id = t.cohort_id
      where m.tenant_id = $1 and a.staff_member_id = $2 and a.status = 'accepted'`,
    [tenantId, staffMemberId],
  );
  if (memberships.length === 0) return { nextAssignment: null, nextEvent: null, teams: 0 };
  const byCohort = new Map(memberships.map((member) => [member.cohortId, member]));
  // Assignments by due moment and events by start, each its own list: one would crowd out the other. A
  // submission is the person's team's: they are in one team per cohort.
  const { rows: upcoming } = await sql.query<{
    id: string;
    kind: CalendarItemKind;
    title: string;
    titleEn: string | null;
    place: string;
    cohortId: string;
    teamId: string | null;
    audience: CalendarAudience;
    at: Date;
    submissionStatus: SubmissionStatus | null;
  }>(
    `select i.id, i.kind::text as kind, i.title, i.title_en as "titleEn", i.place, i.cohort_id as "cohortId",
            i.team_id as "teamId", i.audience::text as audience, i.at,
            (select s.status::text from submissions s
              where s.tenant_id = i.tenant_id and s.item_id = i.id and s.team_id = any($3::uuid[])
              limit 1) as "submissionStatus"
       from ((select *, due_at as at from calendar_items
               where tenant_id = $1 and cohort_id = any($2::uuid[]) and kind = 'assignment' and due_at >= $4
               order by due_at limit $5)
             union all
             (select *, starts_at as at from calendar_items
               where tenant_id = $1 and cohort_id = any($2::uuid[]) and kind <> 'assignment' and starts_at >= $4
               order by starts_at limit $5)) i`,
    [tenantId, [...byCohort.keys()], memberships.map((member) => member.teamId), now, LOOKAHEAD],
  );
  const agenda: AgendaItem[] = [];
  for (const item of upcoming) {
    const member = byCohort.get(item.cohortId);
    if (!member) continue;
    const forMe =
      (item.teamId === null || item.teamId === member.teamId) &&
      (item.audience === "all" || item.audience === (member.role === "mentor" ? "mentors" : "mentees"));
    if (!forMe) continue;
    agenda.push({
      itemId: item.id,
      kind: item.kind,
      title: item.title,
      titleEn: item.titleEn,
      place: item.place,
      at: item.at,
      cohortTitle: member.cohortTitle,
      teamNumber: member.teamNumber,
      submissionStatus: item.submissionStatus,
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
