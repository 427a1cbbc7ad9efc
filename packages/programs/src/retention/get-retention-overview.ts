import type { Database } from "@mentoring/db";
import {
  type RetentionKind,
  type RetentionPeriods,
  retentionCutoffs,
  retentionKinds,
  retentionPeriodsOf,
  retentionRules,
} from "@mentoring/domain";
import { dueByKind, type RetentionCounts } from "../records/retention-steps";
import { purgePersonalData } from "./purge-personal-data";

/** How many past runs the page lists. */
const RUNS_SHOWN = 10;

export interface RetentionOverview {
  periods: RetentionPeriods;
  preview: {
    today: string;
    /** Per table, what the purge would delete or pseudonymise now: the purge's own dry run. */
    counts: RetentionCounts;
    /** Per kind: how many of its rows are due, the day the oldest one's period started, and the cohorts. */
    kinds: {
      kind: RetentionKind;
      months: number;
      action: "delete" | "pseudonymise";
      count: number;
      oldest: string | null;
      cohorts: { id: string; title: string; closedOn: string }[];
    }[];
  };
  /** The latest purges: when, and what each deleted and pseudonymised per table. */
  runs: { at: Date; deleted: Record<string, number>; pseudonymised: Record<string, number>; files: number }[];
}

/**
 * The privacy officer's view of retention: the periods in force, what is due at `now` (the purge's dry run,
 * counted per table, and per kind with the oldest item and the cohorts concerned) and the last runs.
 */
export async function getRetentionOverview(
  db: Database,
  input: { tenantId: string; now: Date },
): Promise<RetentionOverview> {
  const { tenantId, now } = input;
  const dryRun = await purgePersonalData(db, { tenantId, now, dryRun: true });
  return db.withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { timeZone: true, retentionMonths: true },
    });
    const periods = retentionPeriodsOf(tenant.retentionMonths);
    const cutoffs = retentionCutoffs(periods, now, tenant.timeZone);
    const due = await dueByKind(tx, { tenantId, timeZone: tenant.timeZone, cutoffs });
    const audits = await tx.auditLog.findMany({
      where: { tenantId, action: "retention.purge" },
      orderBy: { at: "desc" },
      take: RUNS_SHOWN,
      select: { at: true, after: true },
    });
    const numbers = (value: unknown): Record<string, number> =>
      typeof value === "object" && value !== null
        ? Object.fromEntries(
            Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
          )
        : {};
    return {
      periods,
      preview: {
        today: dryRun.today,
        counts: dryRun.counts,
        kinds: retentionKinds.map((kind) => ({
          kind,
          months: periods[kind],
          action: retentionRules[kind].action,
          ...due[kind],
        })),
      },
      runs: audits.map((audit) => {
        const after = (audit.after ?? {}) as Record<string, unknown>;
        return {
          at: audit.at,
          deleted: numbers(after.deleted),
          pseudonymised: numbers(after.pseudonymised),
          files: typeof after.files === "number" ? after.files : 0,
        };
      }),
    };
  });
}
