import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { attendanceItem } from "../records/attendance-item";

/** What a participant checking in is shown first: the item, and whether they are already marked present. */
export async function getCheckIn(
  tx: TenantDb,
  input: { tenantId: string; itemId: string; staffMemberId: string },
) {
  const { tenantId, staffMemberId } = input;
  const { item, expected } = await attendanceItem(tx, tenantId, input.itemId);
  const me = expected.find((person) => person.staffMemberId === staffMemberId);
  if (!me) throw new AppError("attendance.not_for_you");
  const row = await tx.attendance.findUnique({
    where: { tenantId_itemId_applicationId: { tenantId, itemId: item.id, applicationId: me.applicationId } },
    select: { present: true },
  });
  return { item, present: row?.present === true };
}
