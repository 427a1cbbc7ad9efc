import type { TenantDb } from "@mentoring/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks one of a person's notices read, or all of them (`notificationId` "all"). Only their own: another
 * person's notice, or one already read, is left as it is. Returns how many were marked.
 */
export async function markNotificationsRead(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string; notificationId: string | "all"; now: Date },
): Promise<{ marked: number }> {
  const { tenantId, staffMemberId, notificationId, now } = input;
  if (notificationId !== "all" && !UUID.test(notificationId)) return { marked: 0 };
  const { count } = await tx.notification.updateMany({
    where: {
      tenantId,
      staffMemberId,
      readAt: null,
      ...(notificationId !== "all" && { id: notificationId }),
    },
    data: { readAt: now },
  });
  return { marked: count };
}
