import type { TenantDb } from "@mentoring/db";

/** One person expected at one session whose attendance was taken, and whether they were marked present. */
export interface ExpectedAttendance {
  itemId: string;
  title: string;
  titleEn: string | null;
  kind: string;
  startsAt: Date;
  teamId: string;
  applicationId: string;
  present: boolean;
}

/**
 * Who was expected at each session of a cohort (items taking attendance, started by `now`, whose sheet was
 * taken: someone is marked) and whether they came, by the attendance sheet's rule: the item's team and
 * audience (cohort-members.ts isForItem) and, at an event that takes sign-ups, those who signed up or came
 * (get-item-attendance.ts); someone expected but never marked counts as absent. One statement, in session
 * order; the evaluation's computed criterion, the evaluator's portfolio and the dashboard count it per
 * team, per member and per session. `teamId` keeps one team's members.
 */
export function expectedAttendance(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; now: Date; teamId?: string },
): Promise<ExpectedAttendance[]> {
  const { tenantId, cohortId, now, teamId = null } = input;
  return tx.$queryRaw<ExpectedAttendance[]>`
    select i.id::text as "itemId", i.title, i.title_en as "titleEn", i.kind::text as kind,
           i.starts_at as "startsAt", tm.team_id::text as "teamId",
           tm.application_id::text as "applicationId", coalesce(a.present, false) as present
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
       and (${teamId}::uuid is null or tm.team_id = ${teamId}::uuid)
       and i.attendance and i.kind <> 'assignment' and i.starts_at <= ${now}
       and exists (select 1 from attendance taken where taken.tenant_id = i.tenant_id and taken.item_id = i.id)
       and (not i.sign_up or a.present or exists (
             select 1 from event_signups s
              where s.tenant_id = i.tenant_id and s.item_id = i.id and s.application_id = tm.application_id))
     order by i.starts_at, i.title, i.id`;
}

/** Expected and present, counted per key (a team, a member, a session), in first-seen order. */
export function countAttendance(
  rows: readonly ExpectedAttendance[],
  keyOf: (row: ExpectedAttendance) => string,
): Map<string, { present: number; expected: number }> {
  const counts = new Map<string, { present: number; expected: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const count = counts.get(key) ?? { present: 0, expected: 0 };
    count.expected += 1;
    if (row.present) count.present += 1;
    counts.set(key, count);
  }
  return counts;
}
