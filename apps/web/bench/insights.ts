// National insights page benchmark: the production build's /insights, as a national analyst opens it, and an
// organisation's comparison with the nation (/{tenant}/admin/insights, as its admin opens it), over
// the publications the nightly aggregation leaves for every Korean local government: 243 organisations
// with 5 cohorts each (2024-2026), every figure of every cohort, some suppressed, in the latest publication
// and the last one of each earlier year (what the aggregation keeps). Read, as in production, through the
// analysts' own database role. Target (issue 17): /insights p95 < 200 ms.
//
// Usage: npx tsx bench/insights.ts (run by `npm run bench`).
//   BENCH_CONNECTIONS  connection levels (default 1,10); BENCH_SECONDS per round (default 5)
//   BENCH_SKIP_BUILD   1: serve the build already there instead of building first
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashToken, newToken } from "@mentoring/auth";
import { connect, withDatabase } from "@mentoring/db/provision";
import { createTestDatabase, ensureTestTemplate } from "@mentoring/db/testing";
import { koreanRegions } from "@mentoring/domain";
import { cookieValue, freePort, load, percentiles, type Server, type Target, waitFor } from "./load";
import { startCommand } from "./start-command";

const ORGANISATIONS = 243;
const COHORTS_EACH = 5;
const TARGET_P95_MS = 200;
const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 5);
const levels = (env.BENCH_CONNECTIONS ?? "1,10").split(",").map(Number);
const webDir = fileURLToPath(new URL("..", import.meta.url));
const tmpDir = join(webDir, ".tmp");

/** Every figure of a cohort: metric, breakdown, a typical value and its spread. */
const FIGURES: [string, string, number, number][] = [
  ["participants", "", 30, 30],
  ["participants", "mentor", 15, 15],
  ["participants", "mentee", 15, 15],
  ["teams", "", 10, 8],
  ["completion_rate", "", 0.8, 0.2],
  ["meetings_per_team_month", "", 2, 2],
  ["activities_per_team_month", "", 1, 1.5],
  ["attendance_rate", "", 0.75, 0.25],
  ["on_time_submission_rate", "", 0.7, 0.3],
  ["diagnostic_change", "digital", 0.4, 0.8],
  ["diagnostic_change", "communication", 0.3, 0.8],
  ["diagnostic_change", "culture", 0.2, 0.8],
  ["diagnostic_change", "trust", 0.3, 0.8],
  ["diagnostic_change", "growth", 0.2, 0.8],
  ["satisfaction", "", 4, 1],
  ["evaluation_score", "", 75, 20],
];

/** The organisations, their cohorts and three publications (2024's last, 2025's last, the latest). */
async function seed(adminUrl: string): Promise<void> {
  const admin = await connect(adminUrl);
  try {
    await admin.query("select setseed(0.17)");
    await admin.query(
      `insert into tenants (slug, name, kind, region, status, insights_opted_in_at, insights_named)
       select 'bench-' || g, '벤치 기관 ' || g,
              (array['metropolitan_government','basic_government','basic_government','public_institution'])[1 + g % 4]::tenant_kind,
              ($1::text[])[1 + g % 17], 'active', now(), g % 10 = 0
       from generate_series(1, $2::int) g`,
      [koreanRegions, ORGANISATIONS],
    );
    await admin.query(
      `create temporary table bench_cohorts as
       select t.id as tenant_id, t.name, t.insights_named, t.kind, t.region, c,
              gen_random_uuid() as cohort_ref, 2024 + c % 3 as year,
              (array['standard','reverse'])[1 + (c + length(t.slug)) % 2] as program_kind,
              (array['under_500','500_1999','2000_4999','5000_plus'])[1 + length(t.slug) % 4] as size_band
       from tenants t cross join generate_series(1, $1::int) c where t.slug like 'bench-%'`,
      [COHORTS_EACH],
    );
    for (const [publishedAt, lastYear] of [
      ["2024-12-31T15:00:00Z", 2024],
      ["2025-12-31T15:00:00Z", 2025],
      [new Date().toISOString(), 2026],
    ] as const) {
      const { rows } = await admin.query<{ id: string }>(
        `insert into insight_publications (status, progress, tenant_count, cohort_count, started_at, published_at)
         values ('published', 100, $1, $2, $3, $3) returning id`,
        [ORGANISATIONS, ORGANISATIONS * COHORTS_EACH, publishedAt],
      );
      await admin.query(
        `insert into insight_aggregates (publication_id, tenant_id, tenant_name, cohort_ref, government_type,
           region, size_band, program_kind, team_shape, cohort_year, metric, dimension, value, people_count, suppressed)
         select $1, c.tenant_id, case when c.insights_named then c.name end, c.cohort_ref, c.kind, c.region,
                c.size_band, c.program_kind, case c.program_kind when 'reverse' then '3:1' else '1:2' end,
                c.year, f.metric, f.dimension,
                case when s.hidden then null else f.base + (random() - 0.5) * f.spread end,
                case when s.hidden then null else 5 + floor(random() * 40)::int end, s.hidden
         from bench_cohorts c
         cross join jsonb_to_recordset($2::jsonb) as f(metric text, dimension text, base float, spread float)
         cross join lateral (select random() < 0.08 as hidden) s
         where c.year <= $3`,
        [
          rows[0]?.id,
          JSON.stringify(
            FIGURES.map(([metric, dimension, base, spread]) => ({ metric, dimension, base, spread })),
          ),
          lastYear,
        ],
      );
    }
    await admin.query("analyze");
  } finally {
    await admin.end();
  }
}

await ensureTestTemplate();
const database = await createTestDatabase();
const children: ChildProcess[] = [];
try {
  const started = Date.now();
  await seed(withDatabase(database.urls.admin, database.name));
  const { rows: counted } = await database.db.platformSql.query<{ count: number }>(
    "select count(*)::int as count from insight_publications",
  );
  console.log(
    `seeded ${ORGANISATIONS} organisations × ${COHORTS_EACH} cohorts in ${counted[0]?.count} publications (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  const sessionOf = async (userId: string) => {
    const token = newToken();
    await database.db.platform.session.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        data: { userId },
        expiresAt: new Date(Date.now() + 8 * 3600_000),
      },
    });
    return token;
  };
  const analyst = await database.db.platform.user.create({
    data: { email: "analyst@bench.example.kr", displayName: "분석가", platformRole: "insights_analyst" },
  });
  // An organisation's admin: a basic government's, compared with the other basic governments.
  const city = await database.db.platform.tenant.findFirstOrThrow({
    where: { slug: { startsWith: "bench-" }, kind: "basic_government" },
    orderBy: { slug: "asc" },
  });
  const admin = await database.db.platform.user.create({
    data: { email: "admin@bench.example.kr", displayName: "기관 관리자" },
  });
  await database.db.withTenant(city.id, (tx) =>
    tx.membership.create({ data: { tenantId: city.id, userId: admin.id, roles: ["tenant_admin"] } }),
  );

  if (env.BENCH_SKIP_BUILD !== "1") {
    console.log("building the web app");
    const build = spawnSync("npm", ["run", "build"], { cwd: webDir, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("the web build failed");
  }
  const secret = randomBytes(32).toString("hex");
  const port = await freePort();
  const startup = startCommand(webDir);
  mkdirSync(tmpDir, { recursive: true });
  const output = openSync(join(tmpDir, "bench-insights-web.log"), "w");
  const web = spawn(process.execPath, [...startup.nodeFlags, ...startup.entry], {
    cwd: webDir,
    env: {
      ...env,
      ...startup.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATABASE_URL: database.urls.app,
      DATABASE_INSIGHTS_URL: database.urls.insights,
      QUEUE_PREFIX: `bench-${randomBytes(4).toString("hex")}`,
      SESSION_SECRET: secret,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(16).toString("hex")}`,
      APP_URL: `http://127.0.0.1:${port}`,
      WEB_PORT: String(port),
    },
    stdio: ["ignore", output, output],
  });
  children.push(web);
  await waitFor(`http://127.0.0.1:${port}/readyz`, web, "web");
  const server: Server = { ports: [port], pids: [web.pid as number], backends: async () => new Map() };
  const csrf = await cookieValue("csrf", newToken(), secret);
  const as = async (userId: string) => ({
    cookie: `${await cookieValue("session", await sessionOf(userId), secret)}; ${csrf}`,
    "accept-language": "ko-KR,ko;q=0.9",
  });
  const [asAnalyst, asAdmin] = [await as(analyst.id), await as(admin.id)];
  const views: Record<string, Target> = {
    "completion by program kind": { path: "/insights", headers: asAnalyst },
    "diagnostic change by region": {
      path: "/insights?metric=diagnostic_change&dimension=digital&by=region",
      headers: asAnalyst,
    },
    "satisfaction by year": { path: "/insights?metric=satisfaction&by=cohort_year", headers: asAnalyst },
    "basic governments by size": {
      path: "/insights?by=size_band&governmentType=basic_government",
      headers: asAnalyst,
    },
    "CSV of completion by region": { path: "/insights/export?by=region", headers: asAnalyst },
    "a city against the nation": { path: `/${city.slug}/admin/insights`, headers: asAdmin },
  };
  for (const [name, target] of Object.entries(views)) {
    const answer = await fetch(`http://127.0.0.1:${port}${target.path}`, {
      headers: target.headers,
      redirect: "manual",
    });
    if (answer.status !== 200) throw new Error(`${name} (${target.path}) answered ${answer.status}`);
  }
  const rows: Record<string, string | number>[] = [];
  for (const [name, target] of Object.entries(views)) {
    for (const connections of levels) {
      await load(server, target, connections, 2);
      const round = await load(server, target, connections, seconds);
      const { p50, p95, p99 } = percentiles(round.latencies);
      rows.push({
        view: name,
        conns: connections,
        "req/s": Math.round(round.rps),
        p50: Number(p50.toFixed(1)),
        p95: Number(p95.toFixed(1)),
        p99: Number(p99.toFixed(1)),
        "CPU ms/req": Number((round.cpuMs / Math.max(1, round.requests)).toFixed(1)),
        KB: Number((round.bytes / 1024).toFixed(1)),
        errors: round.errors,
        [`p95 < ${TARGET_P95_MS} ms`]: target.path.startsWith("/insights")
          ? p95 < TARGET_P95_MS
            ? "yes"
            : "NO"
          : "",
      });
      console.log(`${name} × ${connections}: ${Math.round(round.rps)} req/s, p95 ${p95.toFixed(1)} ms`);
    }
  }
  console.log(
    `\nNational insights pages of the production build, ${ORGANISATIONS} organisations × ${COHORTS_EACH} cohorts; latencies in ms; ${seconds} s per round; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.table(rows);
} finally {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await database.drop();
}
