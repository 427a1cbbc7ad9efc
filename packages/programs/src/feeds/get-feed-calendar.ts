import type { Database } from "@mentoring/db";
import { feedTokenHash } from "../records/feed-token";
import { calendarItemsFor, type MyCalendarItem } from "../records/my-calendar-items";

/**
 * What a subscription address shows, read without a session (the address is the key): its tenant and the
 * person's items; null when the tenant is unknown or closed, or the address unknown or revoked.
 */
export async function getFeedCalendar(
  db: Database,
  input: { tenantSlug: string; token: string },
): Promise<{
  tenant: { name: string; slug: string; timeZone: string; locale: string };
  items: MyCalendarItem[];
} | null> {
  const tenant = await db.platform.tenant.findUnique({
    where: { slug: input.tenantSlug },
    select: { id: true, slug: true, name: true, status: true, timeZone: true, locale: true },
  });
  if (!tenant || tenant.status === "closed") return null;
  const tenantId = tenant.id;
  return db.withTenant(tenantId, async (tx) => {
    const feed = await tx.calendarFeed.findFirst({
      where: { tenantId, tokenHash: feedTokenHash(input.token), revokedAt: null },
      select: { staffMemberId: true },
    });
    if (!feed) return null;
    const { name, slug, timeZone, locale } = tenant;
    return {
      tenant: { name, slug, timeZone, locale },
      items: await calendarItemsFor(tx, tenantId, feed.staffMemberId),
    };
  });
}
