import type { Database } from "@mentoring/db";
import { calendarDateIn } from "@mentoring/domain";
import { forEachTenant } from "@mentoring/programs";
import { type InsightTenant, writeTenantInsights } from "../records/tenant-insights";

/** The night a publication belongs to is its start's day in Korea: one publication a night. */
const NIGHT_TIME_ZONE = "Asia/Seoul";
/** A publication still computing after this long was left by a process that died: it is marked failed. */
export const STALLED_PUBLICATION_MS = 2 * 60 * 60 * 1000;

export interface AggregateInsightsResult {
  publicationId: string;
  tenants: number;
  cohorts: number;
  /** Rows written, and of them suppressed. */
  rows: number;
  suppressed: number;
  /** Earlier publications this one replaced (deleted with their rows): see `supersededBy`. */
  replaced: number;
}

/**
 * The nightly national insights: a new publication, computed for every organisation that opted in (and is
 * not closed or still applying), each organisation's rows written inside its own row-level-security
 * context (records/tenant-insights.ts), then marked published. Until then analysts keep reading the
 * previous one: a run that fails is marked failed with the reason, its rows are deleted and the error
 * rethrown, so the last published stays the latest. An organisation that opted out since is simply not in
 * it. Once published, it replaces every earlier publication but the last of each earlier year (in Korea):
 * a run repeated the same night leaves one, analysts cannot set one night's figures against the next
 * night's to learn what changed in a cohort, and each year's last figures stay for comparison. Progress (0-100) on the publication and to `onProgress`,
 * after each organisation; `signal` stops it between organisations (the run is then failed, for the retry).
 */
export async function aggregateInsights(
  db: Database,
  input: { now: Date },
  options: { onProgress?: (percent: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<AggregateInsightsResult> {
  const { now } = input;
  await db.platform.insightPublication.updateMany({
    where: { status: "computing", startedAt: { lt: new Date(now.getTime() - STALLED_PUBLICATION_MS) } },
    data: { status: "failed", error: "stalled" },
  });
  const publication = await db.platform.insightPublication.create({
    data: { status: "computing", progress: 0, startedAt: now },
    select: { id: true },
  });
  const publicationId = publication.id;
  const rows = await db.platform.tenant.findMany({
    where: { insightsOptedInAt: { not: null }, status: { in: ["trial", "active", "read_only"] } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, kind: true, region: true, insightsNamed: true },
  });
  const tenants: InsightTenant[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    named: row.insightsNamed,
  }));

  const written: string[] = [];
  let cohorts = 0;
  let rowCount = 0;
  let suppressed = 0;
  let reported = 0;
  try {
    await forEachTenant(tenants, async (tenant) => {
      options.signal?.throwIfAborted();
      const result = await writeTenantInsights(db, { tenant, publicationId, now });
      written.push(tenant.id);
      cohorts += result.cohorts;
      rowCount += result.rows;
      suppressed += result.suppressed;
      // 99 at most until it is published.
      const percent = Math.min(99, Math.floor((written.length * 100) / tenants.length));
      if (percent > reported) {
        reported = percent;
        await db.platform.insightPublication.updateMany({
          where: { id: publicationId, progress: { lt: percent } },
          data: { progress: percent },
        });
        await options.onProgress?.(percent);
      }
    });
  } catch (error) {
    await db.platform.insightPublication.update({
      where: { id: publicationId },
      data: { status: "failed", error: String(error instanceof Error ? error.message : error).slice(0, 500) },
    });
    // Rows are each organisation's own: deleted inside each one's context.
    for (const tenantId of written) {
      await db.withTenant(tenantId, (tx) =>
        tx.insightAggregate.deleteMany({ where: { tenantId, publicationId } }),
      );
    }
    throw error;
  }

  const night = calendarDateIn(now, NIGHT_TIME_ZONE);
  const replaced = await db.platform.$transaction(async (tx) => {
    // Two runs finishing at once take turns here, so the second sees the first and replaces it.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('insights.publish'))`;
    await tx.insightPublication.update({
      where: { id: publicationId },
      data: {
        status: "published",
        progress: 100,
        tenantCount: tenants.length,
        cohortCount: cohorts,
        publishedAt: new Date(),
      },
    });
    const earlier = await tx.insightPublication.findMany({
      where: { id: { not: publicationId }, status: "published", startedAt: { lte: now } },
      orderBy: { startedAt: "desc" },
      select: { id: true, startedAt: true },
    });
    const replaced = supersededBy(night, earlier);
    // Their rows go with them (the foreign key cascades, beneath row-level security).
    await tx.insightPublication.deleteMany({ where: { id: { in: replaced } } });
    return replaced.length;
  });
  await options.onProgress?.(100);
  return { publicationId, tenants: tenants.length, cohorts, rows: rowCount, suppressed, replaced };
}

/**
 * The earlier publications a publication of `night` replaces: all of them but the last of each earlier
 * year. `earlier` is newest first.
 */
function supersededBy(night: string, earlier: readonly { id: string; startedAt: Date }[]): string[] {
  const year = night.slice(0, 4);
  const keptYears = new Set<string>();
  return earlier
    .filter((publication) => {
      const itsYear = calendarDateIn(publication.startedAt, NIGHT_TIME_ZONE).slice(0, 4);
      if (itsYear >= year || keptYears.has(itsYear)) return true;
      keptYears.add(itsYear);
      return false;
    })
    .map((publication) => publication.id);
}
