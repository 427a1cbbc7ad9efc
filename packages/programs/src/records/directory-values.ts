import type { TenantDb } from "@mentoring/db";
import { AppError, type CorrectableField } from "@mentoring/domain";

/**
 * A staff member's directory record as the fields a person may ask to correct, each as text (what the
 * person reads on their page and what a correction request records as the value when asked).
 */
export async function directoryValues(
  tx: TenantDb,
  tenantId: string,
  staffMemberId: string,
): Promise<Record<CorrectableField, string>> {
  const staff = await tx.staffMember.findFirst({
    where: { tenantId, id: staffMemberId },
    select: {
      name: true,
      department: { select: { name: true } },
      grade: true,
      positionTitle: true,
      hireDate: true,
      birthYear: true,
      email: true,
      phone: true,
    },
  });
  if (!staff) throw new AppError("my_data.no_staff");
  return {
    name: staff.name,
    department: staff.department.name,
    grade: staff.grade === null ? "" : String(staff.grade),
    position_title: staff.positionTitle,
    hire_date: staff.hireDate.toISOString().slice(0, 10),
    birth_year: staff.birthYear === null ? "" : String(staff.birthYear),
    email: staff.email ?? "",
    phone: staff.phone ?? "",
  };
}
