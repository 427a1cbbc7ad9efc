import { randomUUID } from "node:crypto";
import type { Database, TenantKind } from "@mentoring/db";
import { sizeBandOf, suppressTenantFigures } from "@mentoring/domain";
import { type CohortInsight, cohortInsightOf } from "./cohort-figures";

/** An opted-in organisation as the publication describes it. */
export interface InsightTenant {
  id: string;
  name: string;
  kind: TenantKind;
  region: string;
  /** It agreed to be named beside its figures. */
  named: boolean;
}

/** Statuses of a cohort past matching: its teams are published and working, or done. */
export const INSIGHT_COHORT_STATUSES = ["active", "evaluation", "closed"] as const;

/**
 * Computes and writes one organisation's rows of a publication, all inside its own row-level-security
 * context (one transaction: its rows are there whole or not at all): the figures of each of its cohorts
 * past matching with published teams (cohort-figures.ts), suppressed together (the organisation's cohorts
 * and totals are one system, insight-suppression.ts), each cohort under a fresh random reference. Its
 * size band comes from the active staff of its directory. Returns how many cohorts and rows it wrote, and
 * how many of the rows are suppressed.
 */
export async function writeTenantInsights(
  db: Database,
  input: { tenant: InsightTenant; publicationId: string; now: Date },
): Promise<{ cohorts: number; rows: number; suppressed: number }> {
  const { tenant, publicationId, now } = input;
  const tenantId = tenant.id;
  return db.withTenant(
    tenantId,
    async (tx) => {
      const [cohorts, staff] = await Promise.all([
        tx.cohort.findMany({
          where: { tenantId, status: { in: [...INSIGHT_COHORT_STATUSES] }, teams: { some: { tenantId } } },
          orderBy: [{ activitiesStart: "asc" }, { id: "asc" }],
          select: { id: true, activitiesStart: true, template: { select: { kind: true } } },
        }),
        tx.staffMember.count({ where: { tenantId, active: true } }),
      ]);
      const insights: CohortInsight[] = [];
      // One cohort at a time: each reads through the pages' use cases, several statements apiece.
      for (const cohort of cohorts) {
        insights.push(
          await cohortInsightOf(tx, {
            tenantId,
            cohortId: cohort.id,
            programKind: cohort.template.kind,
            activitiesStart: cohort.activitiesStart,
            now,
          }),
        );
      }
      const published = suppressTenantFigures(insights.map((insight) => insight.figures));
      const references = new Map(insights.map((insight) => [insight.figures.key, randomUUID()]));
      const sizeBand = sizeBandOf(staff);
      await tx.insightAggregate.createMany({
        data: published.figures.map((figure) => {
          const insight = insights.find((row) => row.figures.key === figure.cohort) as CohortInsight;
          return {
            publicationId,
            tenantId,
            tenantName: tenant.named ? tenant.name : null,
            cohortRef: references.get(figure.cohort as string) as string,
            governmentType: tenant.kind,
            region: tenant.region,
            sizeBand,
            programKind: insight.programKind,
            teamShape: insight.teamShape,
            cohortYear: insight.cohortYear,
            metric: figure.metric,
            dimension: figure.dimension,
            value: figure.value,
            peopleCount: figure.peopleCount,
            suppressed: figure.suppressed,
          };
        }),
      });
      return {
        cohorts: insights.length,
        rows: published.figures.length,
        suppressed: published.figures.filter((figure) => figure.suppressed).length,
      };
    },
    { timeout: 120_000 },
  );
}
