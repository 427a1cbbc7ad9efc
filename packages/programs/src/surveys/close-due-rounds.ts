import { recordAudit, type TenantDb } from "@mentoring/db";
import { type CalendarDate, roundClosesByDate } from "@mentoring/domain";
import { dayOf } from "../records/cohort-record";

/**
 * Closes the tenant's open rounds whose last day has passed, unless that day had already passed when the
 * round opened (a cohort set up late is the coordinator's to close). Audited as the system's act.
 */
export async function closeDueRounds(
  tx: TenantDb,
  input: { tenantId: string; today: CalendarDate; now: Date },
): Promise<number> {
  const { tenantId } = input;
  const open = await tx.surveyRound.findMany({
    where: { tenantId, closedAt: null, openedAt: { not: null } },
    select: { id: true, opensOn: true, closesOn: true },
  });
  let closed = 0;
  for (const round of open) {
    const due = roundClosesByDate(
      { opensOn: dayOf(round.opensOn), closesOn: dayOf(round.closesOn), closed: false },
      input.today,
    );
    if (!due) continue;
    const { count } = await tx.surveyRound.updateMany({
      where: { tenantId, id: round.id, closedAt: null },
      data: { closedAt: input.now },
    });
    if (count === 0) continue;
    closed++;
    await recordAudit(tx, {
      tenantId,
      actorUserId: null,
      action: "survey_round.close",
      entityType: "survey_round",
      entityId: round.id,
      before: { closedAt: null },
      after: { closedAt: input.now.toISOString(), by: "schedule", closesOn: dayOf(round.closesOn) },
    });
  }
  return closed;
}
