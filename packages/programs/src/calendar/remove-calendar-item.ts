import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { json } from "../records/certificate-content";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Takes an item off the cohort's calendar, unless teams have handed in work for it. Audited with what it was. */
export async function removeCalendarItem(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; itemId: string; actorUserId: string; requestId?: string },
): Promise<void> {
  const { tenantId, cohortId, itemId, actorUserId, requestId } = input;
  const item = UUID.test(itemId)
    ? await tx.calendarItem.findFirst({ where: { tenantId, cohortId, id: itemId } })
    : null;
  if (!item) throw new AppError("calendar.item_not_found");
  // Teams' work is never thrown away with its assignment.
  if ((await tx.submission.count({ where: { tenantId, itemId: item.id } })) > 0)
    throw new AppError("calendar.item_has_submissions");
  await tx.calendarItem.delete({ where: { id: item.id } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "calendar_item.delete",
    entityType: "calendar_item",
    entityId: item.id,
    before: json(item),
    requestId,
  });
}
