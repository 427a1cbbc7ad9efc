import { recordAudit, type TenantDb } from "@mentoring/db";
import { planCohortCalendar } from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";

/**
 * Puts the template's calendar into the cohort's: every assignment, training, event and mentoring day
 * the template plans within the cohort's activity dates, at its moment in the tenant's time zone. Safe to
 * run again: an item already planned (found by where in the template it comes from) is kept as it is,
 * with whatever the coordinator changed in it. Audited when it adds anything.
 */
export async function planCohortCalendarItems(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; actorUserId: string | null; requestId?: string },
): Promise<{ added: number; kept: number }> {
  const { tenantId, cohortId, actorUserId, requestId } = input;
  const { definition, schedule } = await loadCohort(tx, tenantId, cohortId);
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const planned = planCohortCalendar(definition, schedule, tenant.timeZone);
  const { count: added } = await tx.calendarItem.createMany({
    data: planned.map((item) => ({
      tenantId,
      cohortId,
      sourceKey: item.sourceKey,
      kind: item.kind,
      title: item.title.ko,
      titleEn: item.title.en ?? null,
      description: item.description?.ko ?? "",
      descriptionEn: item.description?.en ?? null,
      place: item.place,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      dueAt: item.dueAt,
      audience: item.audience,
      attendance: item.attendance,
    })),
    skipDuplicates: true,
  });
  if (added > 0)
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: "calendar.plan",
      entityType: "cohort",
      entityId: cohortId,
      after: { added, planned: planned.length },
      requestId,
    });
  return { added, kept: planned.length - added };
}
