import type { TenantDb, TenantKind } from "@mentoring/db";
import type { InsightMetric } from "@mentoring/domain";

export interface OwnInsightFigure {
  metric: InsightMetric;
  cohortYear: number;
  programKind: string;
  teamShape: string;
  /** Null when suppressed. */
  value: number | null;
}

export interface OwnInsightFigures {
  optedIn: boolean;
  governmentType: TenantKind;
  /** The latest publication holding the organisation's figures; null when none does yet. */
  publication: { id: string; publishedAt: Date } | null;
  figures: OwnInsightFigure[];
}

/**
 * An organisation's own figures (each as a whole, not split) in the latest publication, read in its own
 * row-level-security context as the app role: only its rows are visible there.
 */
export async function getOwnInsightFigures(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<OwnInsightFigures> {
  const { tenantId } = input;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { insightsOptedInAt: true, kind: true },
  });
  const base = { optedIn: tenant.insightsOptedInAt !== null, governmentType: tenant.kind };
  if (!base.optedIn) return { ...base, publication: null, figures: [] };
  const latest = await tx.insightPublication.findFirst({
    where: { status: "published", publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, publishedAt: true },
  });
  if (!latest?.publishedAt) return { ...base, publication: null, figures: [] };
  const rows = await tx.insightAggregate.findMany({
    where: { tenantId, publicationId: latest.id, dimension: "" },
    orderBy: [{ cohortYear: "desc" }, { programKind: "asc" }, { cohortRef: "asc" }],
    select: {
      metric: true,
      cohortYear: true,
      programKind: true,
      teamShape: true,
      value: true,
      suppressed: true,
    },
  });
  if (rows.length === 0) return { ...base, publication: null, figures: [] };
  return {
    ...base,
    publication: { id: latest.id, publishedAt: latest.publishedAt },
    figures: rows.map((row) => ({
      metric: row.metric as InsightMetric,
      cohortYear: row.cohortYear,
      programKind: row.programKind,
      teamShape: row.teamShape,
      value: row.suppressed ? null : row.value,
    })),
  };
}
