import type { Prisma, TenantDb } from "@mentoring/db";
import type { EligibilityCandidate } from "@mentoring/domain";
import { dayOf } from "./cohort-record";

const staffSelect = {
  id: true,
  employeeNumber: true,
  name: true,
  email: true,
  active: true,
  grade: true,
  hireDate: true,
  positionTitle: true,
  birthYear: true,
  department: { select: { code: true, name: true } },
} satisfies Prisma.StaffMemberSelect;

export type StaffFacts = Prisma.StaffMemberGetPayload<{ select: typeof staffSelect }>;

/**
 * A staff member as the eligibility rules see them. Department rules name departments by their code
 * (stable across directory imports and readable in a template), as the seeded templates do.
 */
export function candidateOf(staff: Omit<StaffFacts, "id" | "employeeNumber" | "name" | "email" | "active">) {
  return {
    grade: staff.grade,
    hireDate: dayOf(staff.hireDate),
    departmentId: staff.department.code,
    positionTitle: staff.positionTitle,
    birthYear: staff.birthYear,
  } satisfies EligibilityCandidate;
}

export async function loadStaff(tx: TenantDb, tenantId: string, where: Prisma.StaffMemberWhereInput) {
  return tx.staffMember.findFirst({ where: { ...where, tenantId }, select: staffSelect });
}
