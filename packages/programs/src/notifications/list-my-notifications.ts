import type { NotificationKind, TenantDb } from "@mentoring/db";

/** How many of a person's latest notices their page lists. */
const LISTED = 50;

export interface MyNotification {
  id: string;
  kind: NotificationKind;
  /** The values its wording needs (records/notify.ts NoticeParams of its kind). */
  params: Record<string, unknown>;
  /** A path under the tenant's address. */
  link: string;
  readAt: Date | null;
  createdAt: Date;
}

/**
 * A person's notices shown in the app, newest first (their latest 50), and how many of all are unread.
 * Notices of a kind they read by mail alone are not listed.
 */
export async function listMyNotifications(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<{ notifications: MyNotification[]; unread: number }> {
  const { tenantId, staffMemberId } = input;
  const [rows, unread] = await Promise.all([
    tx.notification.findMany({
      where: { tenantId, staffMemberId, inApp: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LISTED,
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    }),
    tx.notification.count({ where: { tenantId, staffMemberId, inApp: true, readAt: null } }),
  ]);
  return {
    notifications: rows.map((row) => ({
      ...row,
      params: row.params && typeof row.params === "object" && !Array.isArray(row.params) ? row.params : {},
    })),
    unread,
  };
}
