import type { TenantSql } from "@mentoring/db";
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

/**
 * The published teams the staff member is in (one per cohort, the newest cohort first); nothing before
 * publication. Two statements in SQL: /team is opened by every participant (ADR 0019).
 */
export async function listMyTeams(
  sql: TenantSql,
  input: { tenantId: string; staffMemberId: string },
): Promise<MyTeam[]> {
  const { tenantId, staffMemberId } = input;
  const { rows: mine } = await sql.query<{
    teamId: string;
    cohortId: string;
    cohortTitle: string;
    teamNumber: number;
    myRole: ApplicationRole;
  }>(
    `select t.id as "teamId", c.id as "cohortId", c.title as "cohortTitle", t.number as "teamNumber",
            me.role::text as "myRole"
       from team_members me
       join applications a on a.tenant_id = me.tenant_id and a.id = me.application_id
       join teams t on t.tenant_id = me.tenant_id and t.id = me.team_id
       join cohorts c on c.tenant_id = t.tenant_id and c.id = t.cohort_id
      where me.tenant_id = $1 and a.staff_member_id = $2 and a.status = 'accepted'
      order by c.created_at desc`,
    [tenantId, staffMemberId],
  );
  if (mine.length === 0) return [];
  const { rows: members } = await sql.query<MyTeam["members"][number] & { teamId: string }>(
    `select m.team_id as "teamId", s.name, m.role::text as role, d.name as department,
            s.position_title as "positionTitle", s.email, s.phone, a.staff_member_id = $2 as "isMe"
       from team_members m
       join applications a on a.tenant_id = m.tenant_id and a.id = m.application_id
       join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_member_id
       join departments d on d.tenant_id = s.tenant_id and d.id = s.department_id
      where m.tenant_id = $1 and m.team_id = any($3::uuid[])
      order by m.role, a.submitted_at`,
    [tenantId, staffMemberId, mine.map((team) => team.teamId)],
  );
  return mine.map(({ teamId, ...team }) => ({
    ...team,
    members: members
      .filter((member) => member.teamId === teamId)
      .map(({ teamId: _team, ...member }) => member),
  }));
}
