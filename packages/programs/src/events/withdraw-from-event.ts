import type { TenantDb } from "@mentoring/db";
import { AppError, withdrawalRefusal } from "@mentoring/domain";
import { itemForPerson, lockItem } from "../records/event-place";

/**
 * A participant gives their place at an event back, until it starts; the place is free for someone else
 * at once. Withdrawing without a place (a second tap) changes nothing.
 */
export async function withdrawFromEvent(
  tx: TenantDb,
  input: { tenantId: string; itemId: string; staffMemberId: string; now: Date },
): Promise<{ itemId: string; withdrawn: boolean }> {
  const { tenantId, now } = input;
  const { item, applicationId } = await itemForPerson(tx, tenantId, input.itemId, input.staffMemberId);
  const refusal = withdrawalRefusal(item, now);
  if (refusal) throw new AppError(refusal);
  await lockItem(tx, tenantId, item.id);
  const { count } = await tx.eventSignup.deleteMany({ where: { tenantId, itemId: item.id, applicationId } });
  return { itemId: item.id, withdrawn: count > 0 };
}
