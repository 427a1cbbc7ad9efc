import { config } from "@mentoring/config";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { announceAssignment } from "../records/assignment-mail";
import { type CalendarItemInput, calendarItemFields } from "../records/calendar-item-fields";
import { requireCohort } from "../records/certificate-cohort";
import { json } from "../records/certificate-content";
import { lockItem } from "../records/event-place";
import { fieldError } from "../records/field-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Adds an item to the cohort's calendar, or changes one (`itemId`): its kind, wording, place, moments and
 * who it is for (everyone, mentors, mentees, or one of the cohort's teams). An end before the start is
 * refused at the field. Audited with what it was before. A new assignment, in a cohort whose teams are
 * published, is announced to the people it is for (records/assignment-mail.ts).
 */
export async function saveCalendarItem(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    itemId: string | null;
    item: CalendarItemInput;
    actorUserId: string;
    requestId?: string;
    /** For the links in mails; APP_URL by default. */
    appUrl?: string;
    now?: Date;
  },
): Promise<{ itemId: string }> {
  const { tenantId, cohortId, itemId, actorUserId, requestId } = input;
  const fields = calendarItemFields(input.item);
  const cohort = await requireCohort(tx, tenantId, cohortId);
  if (fields.teamId !== null) {
    const team = UUID.test(fields.teamId)
      ? await tx.team.findFirst({ where: { tenantId, cohortId, id: fields.teamId }, select: { id: true } })
      : null;
    if (!team) throw fieldError("calendar.team_not_found", "teamId");
  }
  const before =
    itemId === null
      ? null
      : UUID.test(itemId)
        ? await tx.calendarItem.findFirst({ where: { tenantId, cohortId, id: itemId } })
        : null;
  if (itemId !== null && !before) throw new AppError("calendar.item_not_found");
  if (before && fields.capacity !== null) await keepTakenPlaces(tx, tenantId, before.id, fields.capacity);
  const saved = before
    ? await tx.calendarItem.update({ where: { id: before.id }, data: fields, select: { id: true } })
    : await tx.calendarItem.create({ data: { tenantId, cohortId, ...fields }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: before ? "calendar_item.update" : "calendar_item.create",
    entityType: "calendar_item",
    entityId: saved.id,
    ...(before && { before: json(before) }),
    after: json({ cohortId, ...fields }),
    requestId,
  });
  await announceAssignment(tx, {
    tenantId,
    cohortTitle: cohort.title,
    item: { id: saved.id, cohortId, ...fields },
    kindBefore: before?.kind ?? null,
    now: input.now ?? new Date(),
    appUrl: input.appUrl ?? config().APP_URL,
  });
  return { itemId: saved.id };
}

/** A capacity may not drop below the places already taken; the item's row is locked against new sign-ups. */
async function keepTakenPlaces(tx: TenantDb, tenantId: string, itemId: string, capacity: number) {
  await lockItem(tx, tenantId, itemId);
  const taken = await tx.eventSignup.count({ where: { tenantId, itemId } });
  if (capacity < taken) throw fieldError("calendar.capacity_below_signups", "capacity", { taken });
}
