import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { expectedAt } from "./attendance-item";
import { UUID } from "./certificate-cohort";

/**
 * A calendar item seen by one of the people it is for: the item with its sign-up terms and cohort, and
 * the person's application in that cohort. Another tenant's item, or one not meant for them (another
 * team's, the other role's), is not found.
 */
export async function itemForPerson(tx: TenantDb, tenantId: string, itemId: string, staffMemberId: string) {
  const item = UUID.test(itemId)
    ? await tx.calendarItem.findFirst({
        where: { tenantId, id: itemId },
        select: {
          id: true,
          cohortId: true,
          kind: true,
          title: true,
          titleEn: true,
          description: true,
          descriptionEn: true,
          place: true,
          startsAt: true,
          endsAt: true,
          dueAt: true,
          audience: true,
          teamId: true,
          signUp: true,
          capacity: true,
          signUpClosesAt: true,
          cohort: { select: { title: true } },
        },
      })
    : null;
  if (!item) throw new AppError("calendar.item_not_found");
  const me = (await expectedAt(tx, tenantId, item)).find((person) => person.staffMemberId === staffMemberId);
  if (!me) throw new AppError("calendar.item_not_found");
  return { item, applicationId: me.applicationId };
}

/**
 * Locks an event's row for the rest of the transaction, so that sign-ups (and a change of its capacity)
 * take turns: the places counted next cannot change before the transaction ends.
 */
export async function lockItem(tx: TenantDb, tenantId: string, itemId: string) {
  await tx.$queryRaw`select 1 from calendar_items where tenant_id = ${tenantId}::uuid and id = ${itemId}::uuid for update`;
}
