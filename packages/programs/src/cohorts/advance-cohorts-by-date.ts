import type { Database, TenantDb } from "@mentoring/db";
import { type CalendarDate, type CohortStatus, compareCalendarDates, dueTransition } from "@mentoring/domain";
import { dateColumn, dayOf, loadCohort, tenantToday } from "../records/cohort-record";
import { transitionFacts } from "../records/transition-facts";
import { transitionCohort } from "./transition-cohort";

/** What advanceCohortsByDate reports to its caller (the daily job). */
export interface AdvanceSummary {
  tenants: number;
  /** Cohorts whose dates were looked at. */
  cohorts: number;
  moved: { tenantId: string; cohortId: string; from: CohortStatus; to: CohortStatus }[];
  failures: { tenantId: string; cohortId: string | null; error: string }[];
}

export interface AdvanceLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * The daily scheduler: in every tenant that is not closed, on that tenant's calendar, moves each cohort
 * whose next phase date has arrived since its schedule was last checked (dueTransition), through the same
 * transition as a coordinator's but with no actor (audited as the scheduler); then marks the schedule
 * checked today. Several phases that arrived together move in turn. Each cohort is its own transaction,
 * and a failure (logged, reported) stops neither the tenant's other cohorts nor other tenants. Running it
 * again the same day changes nothing.
 */
export async function advanceCohortsByDate(
  db: Database,
  options: {
    /** The moment the run acts at: each tenant's "today" is this instant in its time zone. */
    now: Date;
    appUrl: string;
    log?: AdvanceLog;
    /** After each tenant: how many of how many are done. */
    onTenantDone?: (done: number, total: number) => Promise<void> | void;
    signal?: AbortSignal;
  },
): Promise<AdvanceSummary> {
  const { now, appUrl, log, onTenantDone, signal } = options;
  const tenants = await db.platform.tenant.findMany({
    where: { status: { not: "closed" } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, timeZone: true },
  });
  const summary: AdvanceSummary = { tenants: tenants.length, cohorts: 0, moved: [], failures: [] };
  for (const [index, tenant] of tenants.entries()) {
    if (signal?.aborted) break;
    try {
      const today = tenantToday(tenant.timeZone, now);
      const cohorts = await db.withTenant(tenant.id, (tx) =>
        tx.cohort.findMany({
          where: { tenantId: tenant.id, status: { notIn: ["draft", "closed"] } },
          orderBy: { createdAt: "asc" },
          select: { id: true },
        }),
      );
      for (const { id: cohortId } of cohorts) {
        if (signal?.aborted) break;
        summary.cohorts++;
        try {
          const moves = await db.withTenant(tenant.id, (tx) =>
            advanceCohort(tx, { tenantId: tenant.id, cohortId, today, appUrl }),
          );
          for (const move of moves) {
            summary.moved.push({ tenantId: tenant.id, cohortId, ...move });
            log?.info({ tenant: tenant.slug, cohortId, ...move }, "cohort moved by date");
          }
        } catch (error) {
          summary.failures.push({ tenantId: tenant.id, cohortId, error: String(error) });
          log?.error({ err: error, tenant: tenant.slug, cohortId }, "could not advance cohort");
        }
      }
    } catch (error) {
      summary.failures.push({ tenantId: tenant.id, cohortId: null, error: String(error) });
      log?.error({ err: error, tenant: tenant.slug }, "could not advance the tenant's cohorts");
    }
    await onTenantDone?.(index + 1, tenants.length);
  }
  return summary;
}

/** One cohort's moves for today, in its own transaction, under its row lock. */
async function advanceCohort(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; today: CalendarDate; appUrl: string },
): Promise<{ from: CohortStatus; to: CohortStatus }[]> {
  const { tenantId, cohortId, today, appUrl } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const checkedOn = dayOf(record.cohort.scheduleCheckedOn);
  if (compareCalendarDates(checkedOn, today) >= 0) return [];
  const moves: { from: CohortStatus; to: CohortStatus }[] = [];
  let status = record.cohort.status;
  // Judged against the day checked before this run, so that phases arriving together move in turn.
  for (;;) {
    const { questionSets, kind } = record.definition;
    const facts = await transitionFacts(tx, tenantId, cohortId, today, questionSets, kind);
    const to = dueTransition(status, record.schedule, checkedOn, facts);
    if (to === null) break;
    await transitionCohort(tx, {
      tenantId,
      cohortId,
      to,
      override: false,
      reason: null,
      actorUserId: null,
      today,
      appUrl,
    });
    moves.push({ from: status, to });
    status = to;
  }
  await tx.cohort.updateMany({
    where: { tenantId, id: cohortId },
    data: { scheduleCheckedOn: dateColumn(today) },
  });
  return moves;
}
