import { randomUUID } from "node:crypto";
import type { Database } from "../database";
import type { TenantKind } from "../generated/prisma/client";

/**
 * Published national insights for tests and browser specs, written as the nightly aggregation leaves them:
 * one publication, per cohort one row per figure (each organisation's rows inside its own tenant context),
 * a cell about fewer than 5 people already suppressed (no value, no count), the organisation's name only
 * where it agreed to be named.
 */
export interface InsightCohortFixture {
  tenantId: string;
  /** Set only for an organisation that agreed to be named. */
  tenantName?: string | null;
  governmentType: TenantKind;
  region: string;
  sizeBand: string;
  programKind: string;
  teamShape: string;
  cohortYear: number;
  participants: { mentor: number; mentee: number };
  /** Figures as a whole (dimension ""); null: suppressed. */
  figures: Record<string, number | null>;
}

export async function publishInsightFixture(
  db: Database,
  { cohorts, publishedAt = new Date() }: { cohorts: InsightCohortFixture[]; publishedAt?: Date },
): Promise<{ publicationId: string }> {
  const publication = await db.platform.insightPublication.create({
    data: {
      status: "published",
      progress: 100,
      publishedAt,
      tenantCount: new Set(cohorts.map((cohort) => cohort.tenantId)).size,
      cohortCount: cohorts.length,
    },
  });
  const byTenant = new Map<string, InsightCohortFixture[]>();
  for (const cohort of cohorts)
    byTenant.set(cohort.tenantId, [...(byTenant.get(cohort.tenantId) ?? []), cohort]);
  for (const [tenantId, own] of byTenant) {
    await db.withTenant(tenantId, async (tx) => {
      for (const cohort of own) {
        const common = {
          publicationId: publication.id,
          tenantId,
          tenantName: cohort.tenantName ?? null,
          cohortRef: randomUUID(),
          governmentType: cohort.governmentType,
          region: cohort.region,
          sizeBand: cohort.sizeBand,
          programKind: cohort.programKind,
          teamShape: cohort.teamShape,
          cohortYear: cohort.cohortYear,
        };
        const total = cohort.participants.mentor + cohort.participants.mentee;
        const cell = (metric: string, dimension: string, value: number | null, people: number) =>
          value === null || people < 5
            ? { ...common, metric, dimension, value: null, peopleCount: null, suppressed: true }
            : { ...common, metric, dimension, value, peopleCount: people, suppressed: false };
        await tx.insightAggregate.createMany({
          data: [
            cell("participants", "", total, total),
            cell("participants", "mentor", cohort.participants.mentor, cohort.participants.mentor),
            cell("participants", "mentee", cohort.participants.mentee, cohort.participants.mentee),
            ...Object.entries(cohort.figures).map(([metric, value]) => cell(metric, "", value, total)),
          ],
        });
      }
    });
  }
  return { publicationId: publication.id };
}

export interface InsightTenantFixture {
  tenantId: string;
  name: string;
  kind: TenantKind;
  region: string;
  /** Whether it agreed to be named. */
  named?: boolean;
}

/**
 * Two cohorts per organisation (a reverse one in 2025, a standard one in 2026) with figures that differ
 * from one organisation to the next in a fixed way (the i-th organisation's completion rate is 0.70 + 0.03
 * i…), and one suppressed cell (the 2026 satisfaction of every third organisation).
 */
export function sampleInsightCohorts(tenants: InsightTenantFixture[]): InsightCohortFixture[] {
  return tenants.flatMap((tenant, i) => {
    const base = {
      tenantId: tenant.tenantId,
      tenantName: tenant.named ? tenant.name : null,
      governmentType: tenant.kind,
      region: tenant.region,
      sizeBand: i % 2 === 0 ? "500_1999" : "2000_4999",
    };
    return [
      {
        ...base,
        programKind: "reverse",
        teamShape: "3:1",
        cohortYear: 2025,
        participants: { mentor: 30, mentee: 10 },
        figures: {
          teams: 10,
          completion_rate: 0.7 + 0.03 * i,
          meetings_per_team_month: 1.5 + 0.25 * i,
          activities_per_team_month: 2 + 0.5 * i,
          attendance_rate: 0.8 + 0.02 * i,
          on_time_submission_rate: 0.75 + 0.02 * i,
          diagnostic_change: 0.2 + 0.1 * i,
          satisfaction: 3.8 + 0.1 * i,
          evaluation_score: 70 + 2 * i,
        },
      },
      {
        ...base,
        programKind: "standard",
        teamShape: "1:2",
        cohortYear: 2026,
        participants: { mentor: 14, mentee: 24 },
        figures: {
          teams: 14,
          completion_rate: 0.8 + 0.02 * i,
          meetings_per_team_month: 2 + 0.25 * i,
          activities_per_team_month: 2.5 + 0.5 * i,
          attendance_rate: 0.85 + 0.01 * i,
          on_time_submission_rate: 0.8 + 0.02 * i,
          diagnostic_change: 0.3 + 0.1 * i,
          satisfaction: i % 3 === 0 ? null : 4 + 0.05 * i,
          evaluation_score: 75 + 2 * i,
        },
      },
    ];
  });
}
