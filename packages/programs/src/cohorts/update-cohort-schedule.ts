import { recordAudit, type TenantDb } from "@mentoring/db";
import {
  AppError,
  type CalendarDate,
  type CohortSchedule,
  cohortScheduleSchema,
  type ScheduleField,
  scheduleFields,
  withSkippedPhases,
} from "@mentoring/domain";
import { dateColumn, loadCohort, scheduleColumns } from "../records/cohort-record";

/**
 * Sets every date of a cohort's schedule, validated with cohortScheduleSchema (invalid input is refused as
 * input.invalid, each issue with its field, nothing written). A junior board's phases it does not go through
 * are not asked for: they take the last day of recruitment (withSkippedPhases). The dates are checked as of today, so that a
 * date moved into the past does not move the cohort by itself. A closed cohort's dates are history and are
 * refused. Audited with the dates that changed.
 */
export async function updateCohortSchedule(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    schedule: Record<string, unknown>;
    actorUserId: string | null;
    requestId?: string;
    today: CalendarDate;
  },
): Promise<{ changed: ScheduleField[] }> {
  const { tenantId, cohortId, actorUserId, requestId, today } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const parsed = cohortScheduleSchema.safeParse(withSkippedPhases(record.definition.kind, input.schedule));
  if (!parsed.success) throw AppError.invalid(parsed.error);
  const schedule = parsed.data as CohortSchedule;
  if (record.cohort.status === "closed") throw new AppError("cohort.closed");
  const changed = scheduleFields.filter((field) => record.schedule[field] !== schedule[field]);
  if (changed.length === 0) return { changed };
  await tx.cohort.updateMany({
    where: { tenantId, id: cohortId },
    data: { ...scheduleColumns(schedule), scheduleCheckedOn: dateColumn(today) },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort.schedule.update",
    entityType: "cohort",
    entityId: cohortId,
    before: Object.fromEntries(changed.map((field) => [field, record.schedule[field]])),
    after: Object.fromEntries(changed.map((field) => [field, schedule[field]])),
    requestId,
  });
  return { changed };
}
