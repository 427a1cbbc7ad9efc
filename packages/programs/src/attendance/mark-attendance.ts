import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { attendanceItem } from "../records/attendance-item";

/**
 * The coordinator marks people present or absent at an item, one, a team or everyone at once (38 clicks
 * become one). Only people expected at the item; marking again overwrites. Audited once per marking.
 */
export async function markAttendance(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    itemId: string;
    /** Applications to mark; a team's id marks its expected members; "all" everyone expected. */
    who: { applicationIds: string[] } | { teamId: string } | "all";
    present: boolean;
    actorUserId: string;
    requestId?: string;
  },
): Promise<{ marked: number }> {
  const { tenantId, cohortId, present, actorUserId, requestId } = input;
  const { item, expected } = await attendanceItem(tx, tenantId, input.itemId, cohortId);
  const { who } = input;
  const chosen =
    who === "all"
      ? expected
      : "teamId" in who
        ? expected.filter((person) => person.teamId === who.teamId)
        : expected.filter((person) => who.applicationIds.includes(person.applicationId));
  if (
    chosen.length === 0 ||
    (who !== "all" && "applicationIds" in who && chosen.length !== new Set(who.applicationIds).size)
  )
    throw new AppError("attendance.not_expected");
  const already = new Map(
    (
      await tx.attendance.findMany({
        where: {
          tenantId,
          itemId: item.id,
          applicationId: { in: chosen.map((person) => person.applicationId) },
        },
        select: { applicationId: true, present: true },
      })
    ).map((row) => [row.applicationId, row.present]),
  );
  for (const person of chosen) {
    // Someone already marked so keeps their mark: a check-in stays a check-in.
    if (already.get(person.applicationId) === present) continue;
    await tx.attendance.upsert({
      where: {
        tenantId_itemId_applicationId: { tenantId, itemId: item.id, applicationId: person.applicationId },
      },
      create: {
        tenantId,
        itemId: item.id,
        applicationId: person.applicationId,
        present,
        method: "coordinator",
        recordedByUserId: actorUserId,
      },
      update: { present, method: "coordinator", recordedByUserId: actorUserId, recordedAt: new Date() },
    });
  }
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "attendance.mark",
    entityType: "calendar_item",
    entityId: item.id,
    after: { present, people: chosen.length, method: "coordinator" },
    requestId,
  });
  return { marked: chosen.length };
}
