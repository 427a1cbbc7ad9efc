// The /insights page's read at the size of every Korean local government: 243 opted-in organisations with
// 5 cohorts each in the latest publication (and an earlier one, for year over year), every figure as the
// aggregation writes it (~16,000 rows a night). Timed: getNationalInsights through the analysts' own
// database role, for each grouping and a rotating figure, after a warm-up; then an organisation's own
// comparison's national read (getNationalDistributions). Target: p95 < 200 ms.
// Run: npx tsx bench/national-insights.ts (BENCH_INSIGHTS_TENANTS, default 243).
import { performance } from "node:perf_hooks";
import { createInsightsReader, type TenantKind } from "@mentoring/db";
import {
  createTestDatabase,
  ensureTestTemplate,
  type InsightCohortFixture,
  publishInsightFixture,
} from "@mentoring/db/testing";
import { insightMetricKeys, insightSizeBands } from "@mentoring/domain";
import { getNationalDistributions, getNationalInsights, insightGroupings } from "../src/insights";

const TENANTS = Number(process.env.BENCH_INSIGHTS_TENANTS ?? 243);
const RUNS = 60;
const TARGET_MS = 200;
const REGIONS = ["서울특별시", "부산광역시", "경기도", "강원특별자치도", "충청북도", "전라남도", "경상북도"];
const KINDS: TenantKind[] = [
  "basic_government",
  "basic_government",
  "metropolitan_government",
  "public_institution",
];

/** Five cohorts of organisation i: years 2024-2026, both program kinds, figures that vary with i and c. */
function cohortsOf(tenantId: string, i: number): InsightCohortFixture[] {
  return [0, 1, 2, 3, 4].map((c) => {
    const wave = ((i * 7 + c * 3) % 20) / 20;
    return {
      tenantId,
      tenantName: i % 10 === 0 ? `벤치시 ${i}` : null,
      governmentType: KINDS[i % KINDS.length] as TenantKind,
      region: REGIONS[i % REGIONS.length] as string,
      sizeBand: insightSizeBands[i % insightSizeBands.length] as string,
      programKind: c % 2 ? "reverse" : "standard",
      teamShape: c % 2 ? "3:1" : "1:2",
      cohortYear: 2024 + (c % 3),
      participants: { mentor: 10 + c, mentee: 20 + (i % 7) },
      figures: {
        teams: 10 + c,
        completion_rate: 0.7 + 0.25 * wave,
        meetings_per_team_month: 1 + 3 * wave,
        activities_per_team_month: 2 + 4 * wave,
        attendance_rate: 0.75 + 0.2 * wave,
        on_time_submission_rate: 0.7 + 0.25 * wave,
        diagnostic_change: -0.2 + wave,
        satisfaction: (i + c) % 9 === 0 ? null : 3.5 + 1.4 * wave,
        evaluation_score: 60 + 35 * wave,
      },
    };
  });
}

await ensureTestTemplate();
const database = await createTestDatabase();
const reader = createInsightsReader(database.urls.insights, { poolSize: 2 });
try {
  const started = performance.now();
  const { rows } = await database.db.platformSql.query<{ id: string }>(
    `insert into tenants (slug, name, kind, region, status, insights_opted_in_at)
     select 'bench-' || n, '벤치시 ' || n, 'basic_government', '경기도', 'active', now()
     from generate_series(1, $1::int) n returning id`,
    [TENANTS],
  );
  const cohorts = rows.flatMap((row, i) => cohortsOf(row.id, i));
  await publishInsightFixture(database.db, { cohorts, publishedAt: new Date(Date.now() - 86_400_000) });
  const { publicationId } = await publishInsightFixture(database.db, { cohorts });
  const { rows: counted } = await database.db.platformSql.query<{ n: number }>(
    "select count(*)::int as n from insight_publications",
  );
  console.log(
    `${TENANTS} organisations × 5 cohorts published twice (${counted[0]?.n} publications) in ${Math.round(performance.now() - started)} ms`,
  );

  const time = async (work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  const page = (run: number) =>
    getNationalInsights(reader, {
      query: {
        metric: insightMetricKeys[run % insightMetricKeys.length] ?? "completion_rate",
        dimension: "",
        by: insightGroupings[run % insightGroupings.length] ?? "program_kind",
        ...(run % 4 === 0 ? { governmentType: "basic_government" as const } : {}),
      },
    });
  for (let run = 0; run < 10; run++) await page(run);
  const pages: number[] = [];
  for (let run = 0; run < RUNS; run++) pages.push(await time(() => page(run)));
  const own: number[] = [];
  for (let run = 0; run < RUNS; run++)
    own.push(
      await time(() =>
        getNationalDistributions(reader, {
          publicationId,
          governmentType: KINDS[run % KINDS.length] as string,
        }),
      ),
    );
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  };
  console.table([
    {
      read: "/insights (getNationalInsights)",
      p50: Math.round(percentile(pages, 50)),
      p95: Math.round(percentile(pages, 95)),
      max: Math.round(percentile(pages, 100)),
    },
    {
      read: "/{tenant}/admin/insights national part",
      p50: Math.round(percentile(own, 50)),
      p95: Math.round(percentile(own, 95)),
      max: Math.round(percentile(own, 100)),
    },
  ]);
  const p95 = percentile(pages, 95);
  console.log(
    p95 < TARGET_MS
      ? `ok: /insights p95 ${Math.round(p95)} ms < ${TARGET_MS} ms over ${RUNS} runs`
      : `SLOW: /insights p95 ${Math.round(p95)} ms over ${RUNS} runs`,
  );
  if (p95 >= TARGET_MS) process.exitCode = 1;
} finally {
  await reader.disconnect();
  await database.drop();
}
