import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks one of a person's notices read, or all of them (`notificationId` "all"). Only their own: another
 * person's notice is not found for them; one already read stays as it was. Returns how many were marked
 * and, for one notice, where it leads (a path in the tenant: the page opens it after marking it read).
 */
export async function markNotificationsRead(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string; notificationId: string | "all"; now: Date },
): Promise<{ marked: number; link: string | null }> {
  const { tenantId, staffMemberId, notificationId, now } = input;
  let link: string | null = null;
  if (notificationId !== "all") {
    const mine = UUID.test(notificationId)
      ? await tx.notification.findFirst({
          where: { tenantId, staffMemberId, id: notificationId, inApp: true },
          select: { link: true },
        })
      : null;
    if (!mine) throw new AppError("notification.not_found");
    link = mine.link;
  }
  const { count } = await tx.notification.updateMany({
    where: {
      tenantId,
      staffMemberId,
      readAt: null,
      ...(notificationId !== "all" && { id: notificationId }),
    },
    data: { readAt: now },
  });
  return { marked: count, link };
}
