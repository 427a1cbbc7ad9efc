import type { Database } from "@mentoring/db";
import { type CalendarDate, compareCalendarDates, scheduleFields } from "@mentoring/domain";
import { tenantToday, updateCohortSchedule } from "@mentoring/programs";
import type { TestTenant } from "./tenants";

/**
 * Keeps a cohort recruiting until `lastDay`, through the use case the schedule form calls: its first day
 * (on which eligibility is judged) stays, the last day of recruitment becomes `lastDay`, and every later
 * date that would come before it moves to it. For specs whose people apply in the browser today to a
 * cohort replaying a past year: applications are taken on the days of recruitment alone.
 */
export async function recruitUntil(
  db: Database,
  tenant: TestTenant,
  cohortId: string,
  lastDay: CalendarDate,
): Promise<void> {
  await db.withTenant(tenant.id, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId: tenant.id, id: cohortId } });
    const schedule: Record<string, string> = {};
    for (const field of scheduleFields) {
      const day = cohort[field].toISOString().slice(0, 10) as CalendarDate;
      schedule[field] =
        field === "recruitmentStart" || (field !== "recruitmentEnd" && compareCalendarDates(day, lastDay) > 0)
          ? day
          : lastDay;
    }
    await updateCohortSchedule(tx, {
      tenantId: tenant.id,
      cohortId,
      schedule,
      actorUserId: null,
      today: tenantToday("Asia/Seoul"),
    });
  });
}
