import type { Prisma, TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  type ApplicationStatus,
  applicationRoles,
  applicationStatuses,
} from "@mentoring/domain";
import { z } from "zod";
import { waitlistPositions } from "./cohort-places";

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
  staffMemberId: string;
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

function applicantWhere(tenantId: string, cohortId: string, filter: ApplicantFilter) {
  return {
    tenantId,
    cohortId,
    ...(filter.role && { role: filter.role }),
    ...(filter.status && { status: filter.status }),
    ...((filter.departmentId || filter.q) && {
      staffMember: {
        tenantId,
        ...(filter.departmentId && { departmentId: filter.departmentId }),
        ...(filter.q && {
          OR: [
            { name: { contains: filter.q, mode: "insensitive" as const } },
            { employeeNumber: { contains: filter.q, mode: "insensitive" as const } },
          ],
        }),
      },
    }),
  } satisfies Prisma.ApplicationWhereInput;
}

/** The applicants matching the filter: by role, then status (accepted, waitlisted in order, …), then time. */
export async function applicantRows(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  filter: ApplicantFilter,
): Promise<ApplicantRow[]> {
  const applications = await tx.application.findMany({
    where: applicantWhere(tenantId, cohortId, filter),
    orderBy: [{ role: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      status: true,
      consentAt: true,
      submittedAt: true,
      nominatedByUserId: true,
      rejectionReason: true,
      staffMember: {
        select: {
          id: true,
          name: true,
          employeeNumber: true,
          grade: true,
          positionTitle: true,
          department: { select: { name: true } },
        },
      },
    },
  });
  const positions = await waitlistPositions(tx, tenantId, cohortId);
  const statusOrder = (status: ApplicationStatus) => applicationStatuses.indexOf(status);
  return applications
    .map(
      (application): ApplicantRow => ({
        applicationId: application.id,
        staffMemberId: application.staffMember.id,
        name: application.staffMember.name,
        employeeNumber: application.staffMember.employeeNumber,
        department: application.staffMember.department.name,
        grade: application.staffMember.grade,
        positionTitle: application.staffMember.positionTitle,
        role: application.role,
        status: application.status,
        waitlistPosition: positions.get(application.id) ?? null,
        consentAt: application.consentAt,
        submittedAt: application.submittedAt,
        nominated: application.nominatedByUserId !== null,
        rejectionReason: application.rejectionReason,
      }),
    )
    .sort(
      (a, b) =>
        applicationRoles.indexOf(a.role) - applicationRoles.indexOf(b.role) ||
        statusOrder(a.status) - statusOrder(b.status),
    );
}
