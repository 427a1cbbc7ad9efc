import type { TenantSql } from "@mentoring/db";
import type { CalendarItemKind, SubmissionStatus } from "@mentoring/domain";

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
  // The first item for each kind that is for this person (everyone, their role, or their team): in SQL, so
  // that at most two rows come back however many teams' items a cohort holds. A submission is the person's
  // team's: they are in one team per cohort.
  const { rows: next } = await sql.query<{
    id: string;
    kind: CalendarItemKind;
    title: string;
    titleEn: string | null;
    place: string;
    at: Date;
    cohortTitle: string;
    teamNumber: number;
    submissionStatus: SubmissionStatus | null;
  }>(
    `with mine as (
       select * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[])
         as mine(team_id, cohort_id, audience, cohort_title, team_number)
     )
     (select i.id, i.kind::text as kind, i.title, i.title_en as "titleEn", i.place, i.due_at as at,
             mine.cohort_title as "cohortTitle", mine.team_number as "teamNumber", s.status::text as "submissionStatus"
        from calendar_items i
        join mine on mine.cohort_id = i.cohort_id
        left join submissions s on s.tenant_id = i.tenant_id and s.item_id = i.id and s.team_id = mine.team_id
       where i.tenant_id = $1 and i.kind = 'assignment' and i.due_at >= $7
         and (i.team_id is null or i.team_id = mine.team_id) and i.audience::text in ('all', mine.audience)
         and s.status is distinct from 'accepted'
       order by i.due_at, i.id limit 1)
     union all
     (select i.id, i.kind::text, i.title, i.title_en, i.place, i.starts_at, mine.cohort_title, mine.team_number, null
        from calendar_items i
        join mine on mine.cohort_id = i.cohort_id
       where i.tenant_id = $1 and i.kind <> 'assignment' and i.starts_at >= $7
         and (i.team_id is null or i.team_id = mine.team_id) and i.audience::text in ('all', mine.audience)
       order by i.starts_at, i.id limit 1)`,
    [
      tenantId,
      memberships.map((member) => member.teamId),
      memberships.map((member) => member.cohortId),
      memberships.map((member) => (member.role === "mentor" ? "mentors" : "mentees")),
      memberships.map((member) => member.cohortTitle),
      memberships.map((member) => member.teamNumber),
      now,
    ],
  );
  const agendaItem = ({ id, ...item }: (typeof next)[number]): AgendaItem => ({ itemId: id, ...item });
  const assignment = next.find((item) => item.kind === "assignment");
  const event = next.find((item) => item.kind !== "assignment");
  return {
    nextAssignment: assignment ? agendaItem(assignment) : null,
    nextEvent: event ? agendaItem(event) : null,
    teams: memberships.length,
  };
}
