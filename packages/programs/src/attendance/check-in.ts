import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { attendanceItem } from "../records/attendance-item";
import { readCheckInCode } from "../records/check-in-code";

/**
 * A participant checks in to an item with the code on the coordinator's screen: their own attendance
 * only, while the code works, and only at an item they are expected at. Checking in twice is once.
 */
export async function checkIn(
  tx: TenantDb,
  input: {
    tenantId: string;
    itemId: string;
    staffMemberId: string;
    code: string;
    secret: string;
    actorUserId: string;
    now: Date;
  },
): Promise<{ itemId: string; title: string; titleEn: string | null; alreadyIn: boolean }> {
  const { tenantId, staffMemberId, now } = input;
  const verdict = readCheckInCode(input);
  if (verdict === "invalid") throw new AppError("attendance.code_invalid");
  if (verdict === "expired") throw new AppError("attendance.code_expired");
  const { item, expected } = await attendanceItem(tx, tenantId, input.itemId);
  const me = expected.find((person) => person.staffMemberId === staffMemberId);
  if (!me) throw new AppError("attendance.not_for_you");
  const before = await tx.attendance.findUnique({
    where: { tenantId_itemId_applicationId: { tenantId, itemId: item.id, applicationId: me.applicationId } },
    select: { present: true },
  });
  if (!before?.present)
    await tx.attendance.upsert({
      where: {
        tenantId_itemId_applicationId: { tenantId, itemId: item.id, applicationId: me.applicationId },
      },
      create: {
        tenantId,
        itemId: item.id,
        applicationId: me.applicationId,
        present: true,
        method: "check_in",
        recordedByUserId: input.actorUserId,
      },
      update: { present: true, method: "check_in", recordedByUserId: input.actorUserId, recordedAt: now },
    });
  return { itemId: item.id, title: item.title, titleEn: item.titleEn, alreadyIn: before?.present === true };
}
