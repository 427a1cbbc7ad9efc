import type { Cohort, TenantDb } from "@mentoring/db";
import {
  AppError,
  type CalendarDate,
  type CohortSchedule,
  calendarDate,
  calendarDateIn,
  type ScheduleField,
  scheduleFields,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "@mentoring/domain";

/** A DATE column as the calendar day it holds (Prisma returns it as midnight UTC). */
export function dayOf(value: Date): CalendarDate {
  return calendarDate(value.toISOString().slice(0, 10));
}

/** A calendar day as the value of a DATE column. */
export function dateColumn(day: CalendarDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Today on the tenant's wall calendar: phase dates and eligibility are judged in it. */
export function tenantToday(timeZone: string, now: Date = new Date()): CalendarDate {
  return calendarDateIn(now, timeZone);
}

export function scheduleOf(cohort: Pick<Cohort, ScheduleField>): CohortSchedule {
  return Object.fromEntries(scheduleFields.map((field) => [field, dayOf(cohort[field])])) as CohortSchedule;
}

/** The schedule as column values, for create and update. */
export function scheduleColumns(schedule: CohortSchedule): Record<ScheduleField, Date> {
  return Object.fromEntries(scheduleFields.map((field) => [field, dateColumn(schedule[field])])) as Record<
    ScheduleField,
    Date
  >;
}

export interface CohortRecord {
  cohort: Cohort;
  /** The template version the cohort started from, validated. */
  definition: TemplateDefinition;
  templateVersion: number;
  schedule: CohortSchedule;
}

/**
 * A cohort with the definition of the template version it runs on. Not found (404) when the cohort is not
 * the tenant's. `lock` takes a row lock on the cohort for the rest of the transaction: recruitment holds
 * it while counting places, so that two applications cannot both take the last one.
 */
export async function loadCohort(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  options: { lock?: boolean } = {},
): Promise<CohortRecord> {
  if (options.lock) {
    await tx.$queryRaw`select 1 from cohorts where tenant_id = ${tenantId}::uuid and id = ${cohortId}::uuid for update`;
  }
  const cohort = await tx.cohort.findFirst({
    where: { tenantId, id: cohortId },
    include: { templateVersion: { select: { definition: true, version: true } } },
  });
  if (!cohort) throw new AppError("cohort.not_found");
  const { templateVersion, ...row } = cohort;
  return {
    cohort: row,
    definition: templateDefinitionSchema.parse(templateVersion.definition),
    templateVersion: templateVersion.version,
    schedule: scheduleOf(row),
  };
}
