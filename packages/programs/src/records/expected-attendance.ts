import { Prisma } from "@mentoring/db";

/**
 * The rows behind "who was expected at a session, and came": from `calendar_items i` joined to the team
 * members expected there (`tm`) and their marks (`a`, null when unmarked), for the cohort's items that take
 * attendance, started by `now` and whose sheet was taken (someone is marked). Who is expected is the
 * attendance sheet's rule: the item's team and audience (cohort-members.ts isForItem) and, at an event that
 * takes sign-ups, those who signed up or came (get-item-attendance.ts). Callers add their own `select` and
 * `group by`, so each counts in the database what it shows: per team (the evaluation's computed attendance),
 * per member (the evaluator's portfolio), per session (the dashboard). `teamId` keeps one team's members.
 */
export function expectedAttendanceRows(input: {
  tenantId: string;
  cohortId: string;
  now: Date;
  teamId?: string;
}): Prisma.Sql {
  const { tenantId, cohortId, now, teamId } = input;
  return Prisma.sql`
      from calendar_items i
      join team_members tm
        on tm.tenant_id = i.tenant_id and tm.cohort_id = i.cohort_id
       and (i.team_id is null or tm.team_id = i.team_id)
       and (i.audience = 'all'
            or (i.audience = 'mentors' and tm.role = 'mentor')
            or (i.audience = 'mentees' and tm.role = 'mentee'))
      left join attendance a
        on a.tenant_id = i.tenant_id and a.item_id = i.id and a.application_id = tm.application_id
     where i.tenant_id = ${tenantId}::uuid and i.cohort_id = ${cohortId}::uuid
       ${teamId ? Prisma.sql`and tm.team_id = ${teamId}::uuid` : Prisma.empty}
       and i.attendance and i.kind <> 'assignment' and i.starts_at <= ${now}
       and exists (select 1 from attendance taken where taken.tenant_id = i.tenant_id and taken.item_id = i.id)
       and (not i.sign_up or a.present or exists (
             select 1 from event_signups s
              where s.tenant_id = i.tenant_id and s.item_id = i.id and s.application_id = tm.application_id))`;
}
