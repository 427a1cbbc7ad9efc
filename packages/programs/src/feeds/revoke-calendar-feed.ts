import { recordAudit, type TenantDb } from "@mentoring/db";

/** Ends the staff member's calendar subscription: its address answers "not found" from now on. Audited. */
export async function revokeCalendarFeed(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string; actorUserId: string; now: Date },
): Promise<{ revoked: number }> {
  const { tenantId, staffMemberId, actorUserId, now } = input;
  const { count } = await tx.calendarFeed.updateMany({
    where: { tenantId, staffMemberId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count > 0)
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "calendar_feed.revoke",
      entityType: "staff_member",
      entityId: staffMemberId,
    });
  return { revoked: count };
}
