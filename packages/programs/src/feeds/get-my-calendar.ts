import type { TenantDb } from "@mentoring/db";
import { calendarItemsFor } from "../records/my-calendar-items";

/** A staff member's calendar page: their items, and since when their subscription address works (if any). */
export async function getMyCalendar(tx: TenantDb, input: { tenantId: string; staffMemberId: string }) {
  const { tenantId, staffMemberId } = input;
  const [items, feed] = await Promise.all([
    calendarItemsFor(tx, tenantId, staffMemberId),
    tx.calendarFeed.findFirst({
      where: { tenantId, staffMemberId, revokedAt: null },
      select: { createdAt: true },
    }),
  ]);
  return { items, feedSince: feed?.createdAt ?? null };
}
