import type { TenantDb } from "@mentoring/db";
import { AppError, signUpRefusal } from "@mentoring/domain";
import { itemForPerson, lockItem } from "../records/event-place";

/**
 * A participant takes a place at an event they are for: while sign-up is open, before it closes and while
 * places are left. The event's row is locked first, so people signing up at once take turns and the last
 * place goes to one of them only; signing up twice (a double tap) keeps one place.
 */
export async function signUpForEvent(
  tx: TenantDb,
  input: { tenantId: string; itemId: string; staffMemberId: string; now: Date },
): Promise<{ itemId: string; alreadySignedUp: boolean }> {
  const { tenantId, now } = input;
  const { item, applicationId } = await itemForPerson(tx, tenantId, input.itemId, input.staffMemberId);
  await lockItem(tx, tenantId, item.id);
  // Read again under the lock: the coordinator may have changed the terms meanwhile.
  const terms = await tx.calendarItem.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: item.id } },
    select: { signUp: true, capacity: true, signUpClosesAt: true, startsAt: true },
  });
  const key = { tenantId_itemId_applicationId: { tenantId, itemId: item.id, applicationId } };
  if (await tx.eventSignup.findUnique({ where: key, select: { id: true } }))
    return { itemId: item.id, alreadySignedUp: true };
  const taken = await tx.eventSignup.count({ where: { tenantId, itemId: item.id } });
  const refusal = signUpRefusal(terms, taken, now);
  if (refusal) throw new AppError(refusal);
  await tx.eventSignup.create({ data: { tenantId, itemId: item.id, applicationId } });
  return { itemId: item.id, alreadySignedUp: false };
}
