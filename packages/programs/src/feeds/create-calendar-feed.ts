import { recordAudit, type TenantDb } from "@mentoring/db";
import { feedTokenHash, newFeedToken } from "../records/feed-token";

/**
 * A new calendar subscription address for the staff member, replacing (revoking) any earlier one. The
 * token is returned once, to be shown to its owner; only its hash is kept. Audited.
 */
export async function createCalendarFeed(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string; actorUserId: string; now: Date },
): Promise<{ token: string }> {
  const { tenantId, staffMemberId, actorUserId, now } = input;
  await tx.calendarFeed.updateMany({
    where: { tenantId, staffMemberId, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newFeedToken();
  const feed = await tx.calendarFeed.create({
    data: { tenantId, staffMemberId, tokenHash: feedTokenHash(token) },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "calendar_feed.create",
    entityType: "calendar_feed",
    entityId: feed.id,
  });
  return { token };
}
