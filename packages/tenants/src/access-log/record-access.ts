import type { TenantDb, TenantSql } from "@mentoring/db";
import type { AccessKind } from "@mentoring/domain";

/** Whose data a view showed: staff members named directly, or through what the page lists. */
export interface AccessSubjects {
  staffMemberIds?: readonly string[];
  /** Applications shown (an applicant list, a matching run's people): their staff members. */
  applicationIds?: readonly string[];
  /** Teams shown (a portfolio, a progress file): their members' staff members. */
  teamIds?: readonly string[];
  /** Every member of the cohort's published teams (the final report names them all). */
  cohortTeamsOf?: string;
  /** Directory rows shown by employee number: those on the staff, and a count of every row. */
  employeeNumbers?: readonly string[];
}

/** What a page declares about a view of personal data: its kind, whose data, and which object. */
export interface AccessView {
  kind: AccessKind;
  subjects: AccessSubjects;
  cohortId?: string | null;
  teamId?: string | null;
}

/** Who viewed, and from where: filled by the route builder from the request. */
export interface AccessViewer {
  tenantId: string;
  viewerUserId: string;
  viewerStaffMemberId: string | null;
  clientAddress: string;
  requestId?: string | null;
}

const isSql = (db: TenantDb | TenantSql): db is TenantSql => "query" in db && !("$queryRawUnsafe" in db);

/**
 * Writes one access_logs row for a view of personal data by someone other than the person, in the caller's
 * transaction (the read's, so a page is shown only if its record commits). The people are resolved from
 * what the page listed in the same statement: one row per view, the staff ids as an array and their count
 * (an export of 400 applicants is one row of 400 ids). The viewer's own staff member is left out: seeing
 * oneself is not someone else's view. Nothing is written when the view showed nobody else. Returns
 * whether a row was written.
 */
export async function recordAccess(
  db: TenantDb | TenantSql,
  input: AccessViewer & AccessView,
): Promise<boolean> {
  const { subjects } = input;
  const employeeNumbers = [...new Set(subjects.employeeNumbers ?? [])];
  const text = `
    with named as (
      select unnest($5::uuid[]) as id
      union select a.staff_member_id from applications a
             where a.tenant_id = $1::uuid and a.id = any($6::uuid[])
      union select a.staff_member_id from team_members m
              join applications a on a.tenant_id = m.tenant_id and a.id = m.application_id
             where m.tenant_id = $1::uuid and m.team_id = any($7::uuid[])
      union select a.staff_member_id from team_members m
              join applications a on a.tenant_id = m.tenant_id and a.id = m.application_id
             where m.tenant_id = $1::uuid and m.cohort_id = $8::uuid
      union select s.id from staff_members s
             where s.tenant_id = $1::uuid and s.employee_number = any($9::text[])
    ), subjects as (
      select coalesce(array_agg(id order by id), '{}') as ids from named
       where id is not null and id is distinct from $3::uuid
    )
    insert into access_logs (tenant_id, viewer_user_id, viewer_staff_member_id, kind, subject_staff_ids,
                             subject_count, cohort_id, team_id, client_address, request_id)
    select $1::uuid, $2::uuid, $3::uuid, $4::access_kind, ids,
           greatest(cardinality(ids), $10::int), $11::uuid, $12::uuid, $13, $14
      from subjects
     where cardinality(ids) > 0 or $10::int > 0
    returning id`;
  const values = [
    input.tenantId,
    input.viewerUserId,
    input.viewerStaffMemberId,
    input.kind,
    [...(subjects.staffMemberIds ?? [])],
    [...(subjects.applicationIds ?? [])],
    [...(subjects.teamIds ?? [])],
    subjects.cohortTeamsOf ?? null,
    employeeNumbers,
    // Directory rows name people who may not be on the staff yet: each row shown is a person.
    employeeNumbers.length,
    input.cohortId ?? null,
    input.teamId ?? null,
    input.clientAddress,
    input.requestId ?? null,
  ];
  if (isSql(db)) return (await db.query(text, values)).rowCount > 0;
  return (await db.$queryRawUnsafe<{ id: string }[]>(text, ...values)).length > 0;
}
