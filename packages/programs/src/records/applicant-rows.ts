import { literalLikeText, type TenantSql } from "@mentoring/db";
import {
  type ApplicationRole,
  type ApplicationStatus,
  applicationRoles,
  applicationStatuses,
} from "@mentoring/domain";
import { z } from "zod";

export const applicantFilterSchema = z.object({
  role: z.enum(applicationRoles).optional().catch(undefined),
  status: z.enum(applicationStatuses).optional().catch(undefined),
  departmentId: z.string().uuid().optional().catch(undefined),
  /** Part of a name or an employee number. */
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((text) => text || undefined)
    .catch(undefined),
});

export type ApplicantFilter = z.infer<typeof applicantFilterSchema>;

export interface ApplicantRow {
  applicationId: string;
  name: string;
  employeeNumber: string;
  department: string;
  grade: number | null;
  positionTitle: string;
  role: ApplicationRole;
  status: ApplicationStatus;
  waitlistPosition: number | null;
  consentAt: Date | null;
  submittedAt: Date;
  nominated: boolean;
  rejectionReason: string | null;
}

/**
 * The applicants matching the filter: by role, then status (accepted, waitlisted in order, …), then time.
 * One statement in SQL (ADR 0019): the coordinator's list is the cohort page opened most, and the export
 * reads the same rows (through `sqlIn` of its Prisma transaction). A waitlisted application's position is
 * its place in its role's whole queue (1 = next), whatever the filter shows; the filter's text matches part
 * of a name or an employee number, case-insensitively, as written: `%` and `_` are letters here, not
 * wildcards (a search for "_" found everyone).
 */
export async function applicantRows(
  sql: TenantSql,
  tenantId: string,
  cohortId: string,
  filter: ApplicantFilter,
): Promise<ApplicantRow[]> {
  // The enums are declared in the domain's order (applicationRoles, applicationStatuses): sorting by them
  // sorts as the list reads. Ids are cast for Prisma's raw queries, which send parameters as text.
  const { rows } = await sql.query<ApplicantRow>(
    `select a.id::text as "applicationId", s.name,
            s.employee_number as "employeeNumber", d.name as department, s.grade::int as grade,
            s.position_title as "positionTitle", a.role::text as role, a.status::text as status,
            a.waitlist_position as "waitlistPosition", a.consent_at as "consentAt",
            a.submitted_at as "submittedAt", a.nominated_by_user_id is not null as nominated,
            a.rejection_reason as "rejectionReason"
       from (select id, staff_member_id, role, status, consent_at, submitted_at, nominated_by_user_id,
                    rejection_reason,
                    case when status = 'waitlisted'
                      then row_number() over (partition by role, status order by submitted_at, id)::int
                    end as waitlist_position
               from applications
              where tenant_id = $1::uuid and cohort_id = $2::uuid) a
       join staff_members s on s.tenant_id = $1::uuid and s.id = a.staff_member_id
       join departments d on d.tenant_id = $1::uuid and d.id = s.department_id
      where ($3::text is null or a.role::text = $3::text)
        and ($4::text is null or a.status::text = $4::text)
        and ($5::uuid is null or s.department_id = $5::uuid)
        and ($6::text is null or s.name ilike '%' || $6::text || '%'
             or s.employee_number ilike '%' || $6::text || '%')
      order by a.role, a.status, a.submitted_at, a.id`,
    [
      tenantId,
      cohortId,
      filter.role ?? null,
      filter.status ?? null,
      filter.departmentId ?? null,
      filter.q ? literalLikeText(filter.q) : null,
    ],
  );
  return rows;
}
