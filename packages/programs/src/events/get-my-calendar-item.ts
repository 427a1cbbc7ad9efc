import type { TenantDb } from "@mentoring/db";
import { placesLeft, signUpClosesAt, signUpRefusal } from "@mentoring/domain";
import { itemForPerson } from "../records/event-place";

/**
 * One item of a participant's calendar, as their phone shows it: what, when, where, and for an event that
 * takes sign-ups the places taken and left, when sign-up closes, whether they hold a place, and whether
 * they may take one now (and if not, why).
 */
export async function getMyCalendarItem(
  tx: TenantDb,
  input: { tenantId: string; itemId: string; staffMemberId: string; now: Date },
) {
  const { tenantId, now } = input;
  const { item, applicationId } = await itemForPerson(tx, tenantId, input.itemId, input.staffMemberId);
  if (!item.signUp) return { item, signUp: null };
  const [taken, mine] = await Promise.all([
    tx.eventSignup.count({ where: { tenantId, itemId: item.id } }),
    tx.eventSignup.findUnique({
      where: { tenantId_itemId_applicationId: { tenantId, itemId: item.id, applicationId } },
      select: { createdAt: true },
    }),
  ]);
  return {
    item,
    signUp: {
      capacity: item.capacity,
      taken,
      placesLeft: placesLeft(item, taken),
      closesAt: signUpClosesAt(item),
      signedUp: mine !== null,
      refusal: mine ? null : signUpRefusal(item, taken, now),
      mayWithdraw: mine !== null && !(item.startsAt && now >= item.startsAt),
    },
  };
}

export type MyCalendarItemPage = Awaited<ReturnType<typeof getMyCalendarItem>>;
