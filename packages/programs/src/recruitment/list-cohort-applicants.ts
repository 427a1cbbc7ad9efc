import type { TenantSql } from "@mentoring/db";
import {
  AppError,
  acceptsApplications,
  allowsWithdrawal,
  applicationRoles,
  type CohortStatus,
  eligibilityRuleSchema,
  placesToFill,
} from "@mentoring/domain";
import type { RolePlaces } from "../records/announcement";
import { type ApplicantFilter, applicantRows } from "../records/applicant-rows";

interface CohortHead {
  id: string;
  title: string;
  status: CohortStatus;
  quotaMentor: number;
  quotaMentee: number;
  /** The template version's `roles.<role>.eligibility`: the only part of its definition the page shows. */
  mentorEligibility: unknown;
  menteeEligibility: unknown;
  mentorAccepted: number;
  mentorWaitlisted: number;
  menteeAccepted: number;
  menteeWaitlisted: number;
  departments: { id: string; name: string }[];
}

/**
 * The coordinator's view of a cohort's applicants: places per role (whatever the filter) and the rows the
 * filter selects, with the departments to filter by. Two statements in SQL (ADR 0019), the cohort with its
 * places and departments, then the rows: a profile of this page showed Prisma, and parsing the whole
 * template definition, as most of its CPU. Not found (404) when the cohort is not the tenant's.
 */
export async function listCohortApplicants(
  sql: TenantSql,
  { tenantId, cohortId, filter }: { tenantId: string; cohortId: string; filter: ApplicantFilter },
) {
  const {
    rows: [head],
  } = await sql.query<CohortHead>(
    `select c.id, c.title, c.status::text as status, c.quota_mentor as "quotaMentor",
            c.quota_mentee as "quotaMentee",
            v.definition #> '{roles,mentor,eligibility}' as "mentorEligibility",
            v.definition #> '{roles,mentee,eligibility}' as "menteeEligibility",
            p."mentorAccepted", p."mentorWaitlisted", p."menteeAccepted", p."menteeWaitlisted",
            (select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name), '[]')
               from departments d
              where d.tenant_id = $1
                and exists (select from staff_members s
                              join applications a on a.tenant_id = $1 and a.staff_member_id = s.id
                             where s.tenant_id = $1 and s.department_id = d.id and a.cohort_id = $2)
            ) as departments
       from cohorts c
       join program_template_versions v on v.tenant_id = $1 and v.id = c.template_version_id
       cross join lateral (
         select count(*) filter (where role = 'mentor' and status = 'accepted')::int as "mentorAccepted",
                count(*) filter (where role = 'mentor' and status = 'waitlisted')::int as "mentorWaitlisted",
                count(*) filter (where role = 'mentee' and status = 'accepted')::int as "menteeAccepted",
                count(*) filter (where role = 'mentee' and status = 'waitlisted')::int as "menteeWaitlisted"
           from applications
          where tenant_id = $1 and cohort_id = $2 and status in ('accepted', 'waitlisted')) p
      where c.tenant_id = $1 and c.id = $2`,
    [tenantId, cohortId],
  );
  if (!head) throw new AppError("cohort.not_found");
  const rows = await applicantRows(sql, tenantId, cohortId, filter);
  const status = head.status;
  const counts = {
    mentor: { quota: head.quotaMentor, accepted: head.mentorAccepted, waitlisted: head.mentorWaitlisted },
    mentee: { quota: head.quotaMentee, accepted: head.menteeAccepted, waitlisted: head.menteeWaitlisted },
  };
  const eligibility = { mentor: head.mentorEligibility, mentee: head.menteeEligibility };
  return {
    cohort: {
      id: head.id,
      title: head.title,
      status,
      mayNominate: acceptsApplications(status),
      mayReject: allowsWithdrawal(status),
    },
    places: applicationRoles.map((role): RolePlaces => {
      const { quota, accepted, waitlisted } = counts[role];
      return {
        role,
        quota,
        accepted,
        waitlisted,
        left: placesToFill(quota, accepted),
        eligibility: eligibilityRuleSchema.parse(eligibility[role]),
      };
    }),
    rows,
    departments: head.departments,
  };
}
