import type { TenantSql } from "@mentoring/db";

/**
 * The tenant home's summary: active staff, departments, members, and invitations still open at `now`. One
 * statement: the home is the page everyone opens first (ADR 0019).
 */
export async function getHomeCounts(sql: TenantSql, input: { tenantId: string; now: Date }) {
  const { tenantId, now } = input;
  const { rows } = await sql.query<{
    staff: number;
    departments: number;
    members: number;
    pendingInvitations: number;
  }>(
    `select (select count(*) from staff_members where tenant_id = $1 and active)::int as staff,
            (select count(*) from departments where tenant_id = $1)::int as departments,
            (select count(*) from memberships where tenant_id = $1)::int as members,
            (select count(*) from invitations
              where tenant_id = $1 and accepted_at is null and revoked_at is null and expires_at > $2)::int
              as "pendingInvitations"`,
    [tenantId, now],
  );
  const [counts] = rows;
  if (!counts) throw new Error("counting returned no row");
  return counts;
}
