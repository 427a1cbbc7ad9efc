import type { Sql } from "@mentoring/db";

export interface PublishedInsights {
  id: string;
  publishedAt: Date;
  tenantCount: number;
  cohortCount: number;
}

/** The latest published run of the nightly aggregation, or null before the first. */
export async function latestPublication(sql: Sql): Promise<PublishedInsights | null> {
  const { rows } = await sql.query<{
    id: string;
    published_at: Date;
    tenant_count: number;
    cohort_count: number;
  }>(
    `select id, published_at, tenant_count, cohort_count from insight_publications
     where status = 'published' and published_at is not null
     order by published_at desc limit 1`,
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        publishedAt: row.published_at,
        tenantCount: row.tenant_count,
        cohortCount: row.cohort_count,
      }
    : null;
}
